using System.Collections.Immutable;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>A shape failure found while walking, where to report it, and the chain that led to it.</summary>
/// <param name="Location">Where the analysed model reports it: the layer itself, or the use site of the block it is in.</param>
/// <param name="Block">The use-site path of the block the failure is inside, or null for the model's own layers.</param>
/// <param name="InnerLocation">For a failure inside a block: the failing declaration in the block's own file, when it is in source.</param>
internal sealed record WalkFailure(ShapeFailure Failure, LocationInfo? Location, string Chain, string? Block, LocationInfo? InnerLocation)
{
    /// <summary>Found only with a concrete batch size (<see cref="ShapeWalker.ProbeBatch"/>): the forward fits particular batch sizes only.</summary>
    public bool BatchSpecific { get; init; }
}

/// <summary>Where the walk is: the path prefix of rows, the depth, and whether failures belong to a block's use site.</summary>
/// <param name="Top">True while walking the analysed model's own members (not a block's).</param>
/// <param name="Order">Registration indices from the top, which order the state entries as PyTorch does.</param>
/// <param name="Member">The analysed model's own member this part belongs to.</param>
/// <param name="Certain">False inside a part that exists only for some hyperparameters the analysis could not fix.</param>
/// <param name="OnForwardPath">False where no generated forward calls the members in order (a hand-written forward).</param>
internal sealed record WalkScope(
    string Prefix,
    int Depth,
    bool Top,
    LocationInfo? UseSite,
    string? BlockName,
    ImmutableArray<int> Order,
    string Member,
    bool Certain,
    bool OnForwardPath)
{
    public static WalkScope Root => new("", 0, Top: true, UseSite: null, BlockName: null, ImmutableArray<int>.Empty, "", Certain: true, OnForwardPath: true);

    public string PathOf(string name) => Prefix.Length == 0 ? name : Prefix + "." + name;

    public WalkScope At(int index) => this with { Order = Order.Add(index) };

    /// <summary>The scope of a member of the model being walked; at the top it names the member.</summary>
    public WalkScope ForMember(MemberSpec member, int index) => At(index) with { Member = Top ? member.Name : Member };

    /// <summary>One level down into a container (a Sequential or a repeated stage).</summary>
    public WalkScope Inside(int index) => At(index) with { Depth = Depth + 1 };
}

/// <summary>A row's output for the summary: the dims, -1 where unknown, or null when even the rank is unknown.</summary>
internal static class SummaryShapes
{
    public static EquatableArray<long>? Of(TensorShape shape)
    {
        if (!shape.IsRankKnown)
        {
            return null;
        }

        return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(shape.Dims, d => d.TryGetValue(out var v) ? v : -1L)).ToEquatableArray();
    }
}
