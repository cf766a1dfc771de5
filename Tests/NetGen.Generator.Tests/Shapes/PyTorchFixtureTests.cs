using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>
/// Every row of Fixtures/shapes.json, made by real PyTorch (tools/fixtures/make_shape_fixtures.py),
/// must come out of the shape library exactly: the same output shape, or an error where PyTorch raised.
/// </summary>
public class PyTorchFixtureTests
{
    public static IEnumerable<object[]> RowIds() => ShapeFixture.Rows.Select(r => new object[] { r.Id });

    [Fact]
    public void Fixture_has_at_least_200_rows_from_real_PyTorch_covering_every_layer_family()
    {
        Assert.True(ShapeFixture.Rows.Count >= 200, $"only {ShapeFixture.Rows.Count} rows");
        Assert.StartsWith("1.13", ShapeFixture.Content.Torch);
        string[] families =
        {
            "Conv1d", "Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "Flatten",
            "Linear", "BatchNorm1d", "BatchNorm2d", "LayerNorm", "GroupNorm", "Embedding", "ReLU", "LeakyReLU",
            "GELU", "SiLU", "Sigmoid", "Tanh", "Softmax", "Dropout", "Add", "Cat",
        };
        foreach (string family in families)
        {
            Assert.Contains(ShapeFixture.Rows, r => r.Layer == family && r.Output is not null);
        }

        foreach (string family in new[] { "Conv1d", "Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d", "Linear", "GroupNorm", "Add", "Cat" })
        {
            Assert.Contains(ShapeFixture.Rows, r => r.Layer == family && r.Error is not null);
        }
    }

    [Theory]
    [MemberData(nameof(RowIds))]
    public void Row_matches_PyTorch(int id)
    {
        FixtureRow row = ShapeFixture.Row(id);
        ShapeResult result = ShapeFixture.Run(row);
        if (row.Error is not null)
        {
            Assert.False(result.IsSuccess, $"{row.Describe()}, but the library gives {result}");
            Assert.False(string.IsNullOrWhiteSpace(result.Failure!.Message));
        }
        else
        {
            Assert.True(result.IsSuccess, $"{row.Describe()}, but the library gives {result}");
            Assert.Equal(row.Output, result.Shape);
            Assert.True(result.IsFullyChecked, $"{row.Describe()}: everything is concrete, yet notes: {string.Join("; ", result.Unchecked)}");
        }
    }

    [Fact]
    public void Every_row_matches_PyTorch_in_one_pass()
    {
        var mismatches = ShapeFixture.Rows
            .Select(row => (row, result: ShapeFixture.Run(row)))
            .Where(x => x.row.Error is null ? !Equals(x.row.Output, x.result.Shape) : x.result.IsSuccess)
            .Select(x => $"{x.row.Describe()}; library: {x.result}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void The_strict_residual_add_refuses_exactly_the_unequal_pairs_PyTorch_would_broadcast_or_refuse()
    {
        foreach (FixtureRow row in ShapeFixture.Rows.Where(r => r.Layer == "Add"))
        {
            ShapeResult strict = MergeShapes.Add("add", row.Inputs[0], row.Inputs[1]);
            bool equal = row.Inputs[0].Equals(row.Inputs[1]);
            Assert.Equal(equal, strict.IsSuccess);
            if (!equal)
            {
                Assert.Equal(ShapeFailureKind.AddShapeMismatch, strict.Failure!.Kind);
                Assert.Contains(row.Inputs[0].ToString(), strict.Failure.Message);
                Assert.Contains(row.Inputs[1].ToString(), strict.Failure.Message);
            }
        }
    }
}
