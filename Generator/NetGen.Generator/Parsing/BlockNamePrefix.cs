using System.Linq;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The rule for a <c>Prefix</c> that names a stage's blocks (<c>[Repeat]</c>, <c>[Stage]</c>, <c>[DenseBlock]</c>): the
/// block's name is one segment of its state-dict keys, so a <c>.</c> would split it into two levels. Letters, digits,
/// <c>_</c> and <c>-</c> are allowed: PyTorch accepts them, and torchvision's RegNet names its blocks <c>block1-0</c>.
/// </summary>
internal static class BlockNamePrefix
{
    /// <summary>The characters a prefix may hold, as the diagnostics say it.</summary>
    public const string Allowed = "letters, digits, '_' and '-'";

    public static bool IsValid(string prefix) => prefix.All(c => c is '_' or '-' || char.IsLetterOrDigit(c));
}
