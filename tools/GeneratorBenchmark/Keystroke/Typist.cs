using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>The three keystrokes the benchmark times.</summary>
public enum Edit
{
    /// <summary>A constant changed in the one file that declares no model.</summary>
    OutsideModels,

    /// <summary>A line comment typed inside the edited model, between two members.</summary>
    CommentInModel,

    /// <summary>The size in <c>Linear(…)</c> of the edited model's classifier changed, which changes its generated code.</summary>
    AttributeInModel,
}

/// <summary>
/// A user typing: each keystroke edits the text the last one left, makes a new compilation from it (an IDE makes one
/// per keystroke, and a compilation binds afresh), and runs the driver the last keystroke left. NetGen keeps what it
/// read from one compilation for the next, so a keystroke must follow the one before it, as in an editor; each types
/// something not typed before.
/// </summary>
public sealed class Typist
{
    private static readonly Regex ClassifierSize = new(@"\[Flatten, Linear\((\d+)\), ReLU\]");
    private const string CommentAnchor = "    [MaxPool2d(2, Stride = 2)]\n    public partial MaxPool2d pool1";

    private readonly string _editedFile;
    private int _keystrokes;

    internal Typist(CSharpCompilation compilation, GeneratorDriver driver, string editedFile)
    {
        Compilation = compilation;
        Driver = driver;
        _editedFile = editedFile;
    }

    public CSharpCompilation Compilation { get; private set; }

    public GeneratorDriver Driver { get; private set; }

    /// <summary>The compilation one keystroke of <paramref name="edit"/> later; <see cref="Run"/> then runs the driver on it.</summary>
    public CSharpCompilation Next(Edit edit)
    {
        _keystrokes++;
        if (edit == Edit.OutsideModels)
        {
            return Compilation.ReplaceSyntaxTree(Compilation.SyntaxTrees.Single(t => t.FilePath == "Scratch.cs"), KeystrokeProject.Scratch(_keystrokes));
        }

        var tree = Compilation.SyntaxTrees.Single(t => t.FilePath == _editedFile);
        var text = tree.GetText().ToString();
        var changed = edit == Edit.CommentInModel
            ? Once(text, CommentAnchor, $"    // comment {_keystrokes}\n" + CommentAnchor)
            : ClassifierSize.Replace(text, m => $"[Flatten, Linear({int.Parse(m.Groups[1].Value) + 1}), ReLU]", 1);
        if (changed == text)
        {
            throw new InvalidOperationException($"the edit changed nothing in {_editedFile}");
        }

        return Compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(changed)));
    }

    /// <summary>The keystroke itself: the generator run an IDE makes on the new compilation.</summary>
    public GeneratorDriver Run(CSharpCompilation next)
    {
        Driver = Driver.RunGenerators(next);
        Compilation = next;
        return Driver;
    }

    private static string Once(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{find}' is not in the edited file");
        }

        return text.Substring(0, at) + replace + text.Substring(at + find.Length);
    }
}
