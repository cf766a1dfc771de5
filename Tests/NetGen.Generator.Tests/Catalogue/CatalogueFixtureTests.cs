using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Analysis;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>
/// Every catalogue entry against real PyTorch (Fixtures/catalogue.json): its shape rule gives PyTorch's output
/// shape, or fails where PyTorch raises; its state entries are PyTorch's state_dict (names, order, shapes,
/// dtypes); its fans are torch.nn.init's for every parameter of two or more dimensions.
/// </summary>
public class CatalogueFixtureTests
{
    public static IEnumerable<object[]> RowIds() => CatalogueFixture.Covered.Select(r => new object[] { r.Id });

    [Fact]
    public void Every_catalogue_layer_has_PyTorch_rows_with_an_output_and_the_fixture_is_real_PyTorch()
    {
        Assert.StartsWith("1.13", CatalogueFixture.Torch);
        var missing = LayerCatalogue.All.Where(e => !CatalogueFixture.Rows.Any(r => r.Layer == e.Name && r.Output is not null)).Select(e => e.Name).ToList();
        Assert.True(missing.Count == 0, "no PyTorch row with an output for: " + string.Join(", ", missing));
        Assert.True(CatalogueFixture.Covered.Count(r => r.Error is not null) >= 12, "too few rows where PyTorch raises");
    }

    [Theory]
    [MemberData(nameof(RowIds))]
    public void Shape_rule_matches_PyTorch(int id)
    {
        var row = CatalogueFixture.Row(id);
        var spec = row.Entry.Shape(row.ToLayer(), "layer", ShapeEnvironment.Constants());
        var result = ShapeInference.Infer(spec, row.InputShape);
        if (row.Error is not null)
        {
            Assert.False(result.IsSuccess, $"{row.Describe()}, but the shape rule gives {result.Shape}");
        }
        else
        {
            Assert.True(result.IsSuccess, $"{row.Describe()}, but the shape rule fails: {result.Failure?.Message}");
            Assert.Equal(TensorShape.Of(row.Output!.Select(Dim.Of).ToArray()), result.Shape);
            Assert.True(result.IsFullyChecked, $"{row.Describe()}: all concrete, yet notes: {string.Join("; ", result.Unchecked)}");
        }
    }

    [Theory]
    [MemberData(nameof(RowIds))]
    public void State_entries_match_PyTorchs_state_dict(int id)
    {
        var row = CatalogueFixture.Row(id);
        var state = row.Entry.State(row.ToLayer(), row.InputShape, ShapeEnvironment.Constants()).ToList();
        Assert.Equal(row.State.Select(s => s.Name), state.Select(s => s.Name));
        Assert.Equal(row.State.Select(s => string.Join("×", s.Shape)), state.Select(s => string.Join("×", s.Shape.Select(d => d.Value))));
        Assert.Equal(row.State.Select(s => s.DType), state.Select(s => s.DType));
        Assert.True(row.State.Count == 0 || row.Entry.HasState, $"{row.Layer} registers state, so it must be a module (HasState)");
    }

    [Theory]
    [MemberData(nameof(RowIds))]
    public void Fans_match_PyTorchs_init(int id)
    {
        var row = CatalogueFixture.Row(id);
        var fans = row.Entry.State(row.ToLayer(), row.InputShape, ShapeEnvironment.Constants())
            .Where(s => !s.IsBuffer && row.Entry.Fans(s) is not null)
            .ToDictionary(s => s.Name, s => row.Entry.Fans(s)!.Value);
        Assert.Equal(row.Fans.Keys.OrderBy(k => k), fans.Keys.OrderBy(k => k));
        foreach (var (name, (fanIn, fanOut)) in row.Fans)
        {
            Assert.Equal((fanIn, fanOut), (fans[name].FanIn.Value, fans[name].FanOut.Value));
        }
    }

    [Fact]
    public void Every_layer_without_state_has_a_functional_form()
    {
        foreach (var entry in LayerCatalogue.All.Where(e => !e.HasState))
        {
            var row = CatalogueFixture.Rows.First(r => r.Layer == entry.Name);
            Assert.False(string.IsNullOrEmpty(entry.Functional(row.ToLayer(), "x", mayWorkInPlace: true)), entry.Name);
        }
    }
}
