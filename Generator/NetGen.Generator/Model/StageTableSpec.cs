namespace NetGen.Generator.Model;

/// <summary>One row of a static stage table, as its declaration writes it.</summary>
internal sealed record TableRow(EquatableArray<long> Values);

/// <summary>
/// <c>[ForEach]</c> on a Sequential member: its layer attributes are added once per value of an <c>int</c> row, to one
/// flat indexed Sequential, each only where its <c>When</c> holds.
/// </summary>
/// <param name="Source">The table as written, e.g. <c>Cfgs[config]</c>.</param>
/// <param name="Table">The C# that reads the table at run time: a hyperparameter (<c>@cfg</c>) or the model's static member.</param>
/// <param name="Selector">For a table of rows (<c>int[][]</c>): the int or enum expression that picks the row; else null.</param>
/// <param name="Rows">The rows as the declaration writes them, when NetGen can read them; empty otherwise.</param>
/// <param name="RowsKnown">Whether <paramref name="Rows"/> is the table: false for a hyperparameter or a table NetGen cannot read.</param>
/// <param name="Start">The carried value before the first row, when there is a carry.</param>
/// <param name="Next">The carried value after each row: an int expression over the parameters and the loop's names.</param>
internal sealed record StageTableSpec(
    string Source,
    string Table,
    string? Selector,
    EquatableArray<TableRow> Rows,
    bool RowsKnown,
    string Item,
    string? Index,
    string? Carry,
    ArgValue Start,
    string? Next);

/// <summary>
/// <c>[DenseBlock&lt;T&gt;]</c>, a child of a Sequential: <see cref="Count"/> layers of the child's block type, built with its
/// block arguments (which may read <see cref="Index"/>), named <c>Prefix + (FirstNumber + i)</c>, each seeing the
/// concatenation of the input and all earlier outputs.
/// </summary>
/// <param name="Concatenates">
/// False for <c>[Stage&lt;T&gt;]</c>: the blocks are named <c>0</c>, <c>1</c>, … and chained, each taking the previous
/// one's output, as in an <c>nn.Sequential</c>.
/// </param>
internal sealed record DenseStageSpec(ArgValue Count, string? Index, string Prefix, int FirstNumber, bool Concatenates = true)
{
    /// <summary>The module the stage is: NetGen's DenseStage, or TorchSharp's Sequential.</summary>
    public string ModuleType => Concatenates ? Parsing.DenseStageParser.StageType : Parsing.DenseStageParser.SequentialType;

    public string LayerName(long i) => Prefix + (FirstNumber + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
