using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>The shape library is pure: no Roslyn in its sources or its signatures.</summary>
public class ShapeLibraryPurityTests
{
    private const string ShapesNamespace = "NetGen.Generator.Shapes";

    [Fact]
    public void Shape_library_sources_never_mention_Microsoft_CodeAnalysis()
    {
        string folder = Path.Combine(RepositoryRoot(), "Generator", "NetGen.Generator", "Shapes");
        string[] files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);

        Assert.True(files.Length >= 10, $"expected the shape library in {folder}");
        var offenders = files.Where(f => File.ReadAllText(f).Contains("Microsoft.CodeAnalysis")).Select(Path.GetFileName).ToList();
        Assert.True(offenders.Count == 0, "Roslyn used in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Shape_library_types_expose_no_Roslyn_type()
    {
        Type[] types = typeof(TensorShape).Assembly.GetTypes().Where(t => t.Namespace == ShapesNamespace).ToArray();
        Assert.NotEmpty(types);

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = new List<string>();
        foreach (Type type in types)
        {
            IEnumerable<Type> used = new[] { type.BaseType }.OfType<Type>()
                .Concat(type.GetInterfaces())
                .Concat(type.GetFields(all).Select(f => f.FieldType))
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            offenders.AddRange(used.Where(IsRoslyn).Select(t => $"{type.Name} uses {t.FullName}"));
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders.Distinct()));
    }

    private static bool IsRoslyn(Type type) =>
        (type.Assembly.GetName().Name ?? "").StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
        || (type.IsGenericType && type.GetGenericArguments().Any(IsRoslyn))
        || (type.HasElementType && IsRoslyn(type.GetElementType()!));

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NetGen.sln not found above " + AppContext.BaseDirectory);
    }
}
