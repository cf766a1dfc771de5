namespace NetGen.Generator.Shapes;

/// <summary>
/// Integer arithmetic on sizes as C# computes it (<c>c / 2</c>, <c>n * 2</c>, <c>h - 1</c>): exact on known
/// sizes, and on a symbol only where the result is the symbol itself (<c>N * 1</c>, <c>N - 0</c>). Anything
/// else, a division by zero or an overflow included, is unknown.
/// </summary>
internal static class DimArithmetic
{
    public static Dim Apply(string op, Dim a, Dim b)
    {
        if (a.IsKnown && b.IsKnown)
        {
            try
            {
                return op switch
                {
                    "+" => Dim.Of(checked(a.Value + b.Value)),
                    "-" => Dim.Of(checked(a.Value - b.Value)),
                    "*" => Dim.Of(checked(a.Value * b.Value)),
                    "/" when b.Value != 0 => Dim.Of(a.Value / b.Value),
                    "%" when b.Value != 0 => Dim.Of(a.Value % b.Value),
                    _ => Dim.Unknown,
                };
            }
            catch (System.OverflowException)
            {
                return Dim.Unknown;
            }
        }

        return op switch
        {
            "*" or "/" when b.IsKnown && b.Value == 1 => a,
            "*" when a.IsKnown && a.Value == 1 => b,
            "+" or "-" when b.IsKnown && b.Value == 0 => a,
            "+" when a.IsKnown && a.Value == 0 => b,
            _ => Dim.Unknown,
        };
    }
}
