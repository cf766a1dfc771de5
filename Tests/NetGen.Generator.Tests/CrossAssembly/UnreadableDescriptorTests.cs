using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Descriptors;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// A library built by another NetGen, or with a damaged descriptor, leaves its blocks opaque to the consumer:
/// no exception and no error, but every use says in the build output why it went unchecked.
/// </summary>
public sealed class UnreadableDescriptorTests
{
    private const string OtherVersion = "another NetGen";
    private const string ChangedCharacter = "a changed character";
    private const string Truncated = "a truncated descriptor";

    /// <summary>One case a row: how the descriptors are damaged, and what the consumer is told.</summary>
    [Theory]
    [InlineData(OtherVersion, "was written by another NetGen (NetGen.ModelDescriptor/2; this one reads NetGen.ModelDescriptor/1)")]
    [InlineData(ChangedCharacter, "is corrupt (its checksum does not match)")]
    [InlineData(Truncated, "is corrupt (its checksum does not match)")]
    public void Uses_of_an_unreadable_block_build_and_say_why_they_are_unchecked(string damage, string problem)
    {
        var library = TwoAssemblies.LibraryWithDescriptors(Damage(damage), BlockLibrarySources.Blocks);
        var run = TwoAssemblies.Consumer(library, BlockLibrarySources.ConsumerVariants[BlockLibrarySources.ExplicitSizes]);

        // NG0110 is a warning; the harness, like a strict build, makes every warning an error.
        var problems = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics())
            .Where(d => (d.Severity == DiagnosticSeverity.Error && d.Id != "NG0110") || d.Id is "NG0099" or "AD0001" or "CS8785").Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // One note per block type, in the build's one NG0110 line and in the model's NG0100.
        var boundary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture);
        var why = $"is unchecked, because BlockLibrary's descriptor of it {problem}; rebuild BlockLibrary with this project's NetGen";
        Assert.Equal(
            $"NetGen checks shapes only up to its boundary in 1 model(s): Classifier (Basic {why}; ConvBnReLU {why}; Stem {why}); see docs/boundary.md",
            boundary);
        var partly = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0100").GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith($"Shapes of 'Classifier' are not fully checked: Basic {why}; ConvBnReLU {why}; Stem {why}", partly);
    }

    /// <summary>The same consumer against the intact library: nothing unchecked, so neither note appears.</summary>
    [Fact]
    public void Uses_of_a_readable_block_are_checked()
    {
        var library = TwoAssemblies.LibraryWithDescriptors(text => text, BlockLibrarySources.Blocks);
        var run = TwoAssemblies.Consumer(library, BlockLibrarySources.ConsumerVariants[BlockLibrarySources.ExplicitSizes]);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "NG0100" or "NG0110" || d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_descriptor_of_another_version_is_refused_with_both_versions_named()
    {
        var text = ModelDescriptor.Write(SomeModel()).Replace(ModelDescriptor.Version, "NetGen.ModelDescriptor/7", StringComparison.Ordinal);

        Assert.Null(ModelDescriptor.Read(text, out var problem));
        Assert.Equal("was written by another NetGen (NetGen.ModelDescriptor/7; this one reads NetGen.ModelDescriptor/1)", problem);
    }

    /// <summary>A layer a newer NetGen knows and this one does not is named, not called corruption.</summary>
    [Fact]
    public void A_descriptor_naming_an_unknown_layer_is_refused_with_its_name()
    {
        var text = ModelDescriptor.Write(SomeModel());
        var body = text.Substring(0, text.Length - Checksum.Seal("").Length);

        Assert.Null(ModelDescriptor.Read(Checksum.Seal(body.Replace("6:Conv2d", "12:Frobnicate2d", StringComparison.Ordinal)), out var problem));
        Assert.Equal("names a LayerKind 'Frobnicate2d' that this NetGen does not know", problem);
    }

    /// <summary>
    /// Every truncation and every one-character change of a descriptor is refused, with a reason, and never
    /// read as a different model (a size of 256 read as 257 would be a false error in every consumer).
    /// </summary>
    [Fact]
    public void Every_truncation_and_every_changed_character_is_refused()
    {
        var text = ModelDescriptor.Write(SomeModel());
        for (var length = 0; length < text.Length; length++)
        {
            Assert.Null(ModelDescriptor.Read(text.Substring(0, length), out var problem));
            Assert.False(string.IsNullOrEmpty(problem));
        }

        for (var i = 0; i < text.Length; i++)
        {
            var changed = text.Substring(0, i) + Changed(text[i]) + text.Substring(i + 1);
            Assert.Null(ModelDescriptor.Read(changed, out var problem));
            Assert.False(string.IsNullOrEmpty(problem));
        }
    }

    /// <summary>
    /// The reader behind the checksum refuses malformed text with a reason and never throws, even for text
    /// whose checksum was made to match (as a buggy writer would leave it).
    /// </summary>
    [Fact]
    public void The_reader_never_throws_on_malformed_text_with_a_matching_checksum()
    {
        var body = ModelDescriptor.Write(SomeModel());
        body = body.Substring(0, body.Length - Checksum.Seal("").Length);
        for (var i = ModelDescriptor.Version.Length + 3; i < body.Length; i++)
        {
            ModelDescriptor.Read(Checksum.Seal(body.Substring(0, i)), out var truncated);
            Assert.False(string.IsNullOrEmpty(truncated));
            ModelDescriptor.Read(Checksum.Seal(body.Substring(0, i) + Changed(body[i]) + body.Substring(i + 1)), out _);
        }
    }

    private static Func<string, string> Damage(string damage) => damage switch
    {
        OtherVersion => text => text.Replace(ModelDescriptor.Version, "NetGen.ModelDescriptor/2", StringComparison.Ordinal),
        // A digit in the middle: a size or a length changes, the text stays well formed.
        ChangedCharacter => text => ChangeDigitNear(text, text.Length / 2),
        Truncated => text => text.Substring(0, text.Length * 2 / 3),
        _ => throw new ArgumentOutOfRangeException(nameof(damage)),
    };

    private static string ChangeDigitNear(string text, int from)
    {
        var at = text.IndexOfAny("0123456789".ToCharArray(), from);
        return text.Substring(0, at) + (text[at] == '9' ? '8' : (char)(text[at] + 1)) + text.Substring(at + 1);
    }

    private static char Changed(char c) => c == '9' ? '0' : c == '~' ? '0' : (char)(c + 1);

    /// <summary>The library's residual block as the generator parses it: members, a residual and a [When].</summary>
    private static Model.ModelSpec SomeModel() => TwoAssemblies.ParsedModel(TwoAssemblies.LibraryRun(BlockLibrarySources.Blocks), "Blocks.Basic");
}
