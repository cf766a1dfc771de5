using System.Threading.Tasks;
using NetGen.CodeFixes;

namespace NetGen.Generator.Tests.CodeFixes;

/// <summary>NG0001 "Make the class partial" and NG0003 "Make the member a partial get-only property", before and after.</summary>
public sealed class MakePartialCodeFixTests
{
    [Fact]
    public Task A_model_class_is_made_partial() => NetGenCodeFixTest<MakeTypePartialCodeFix>.VerifyAsync("""
        [Model(Input = [4])]
        public class {|NG0001:Tiny|} : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 2)] public partial Linear fc { get; }
        }
        """, """
        [Model(Input = [4])]
        public partial class Tiny : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 2)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task A_class_without_modifiers_gets_partial_before_its_keyword() => NetGenCodeFixTest<MakeTypePartialCodeFix>.VerifyAsync("""
        [Model(Input = [4])]
        class {|NG0001:Tiny|} : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 2)] public partial Linear fc { get; }
        }
        """, """
        [Model(Input = [4])]
        partial class Tiny : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 2)] public partial Linear fc { get; }
        }
        """);

    [Fact]
    public Task The_containing_types_are_made_partial_too() => NetGenCodeFixTest<MakeTypePartialCodeFix>.VerifyAsync("""
        public static class Outer
        {
            [Model(Input = [4])]
            public sealed class {|NG0001:Tiny|} : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }
        }
        """, """
        public static partial class Outer
        {
            [Model(Input = [4])]
            public sealed partial class Tiny : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }
        }
        """);

    [Fact]
    public Task Fix_all_makes_two_nested_models_and_their_shared_container_partial_once() => NetGenCodeFixTest<MakeTypePartialCodeFix>.VerifyAsync("""
        public class Outer
        {
            [Model(Input = [4])]
            public class {|NG0001:A|} : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }

            [Model(Input = [4])]
            public class {|NG0001:B|} : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }
        }
        """, """
        public partial class Outer
        {
            [Model(Input = [4])]
            public partial class A : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }

            [Model(Input = [4])]
            public partial class B : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }
        }
        """);

    [Fact]
    public Task An_auto_property_with_a_setter_becomes_a_partial_get_only_property() => NetGenCodeFixTest<MakePartialPropertyCodeFix>.VerifyAsync("""
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public Conv2d {|NG0003:conv1|} { get; set; }
        }
        """, """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)] public partial Conv2d conv1 { get; }
        }
        """);

    [Fact]
    public Task Bodies_initializers_and_static_are_dropped_in_every_member_at_once() => NetGenCodeFixTest<MakePartialPropertyCodeFix>.VerifyAsync("""
        [Model(Input = [3, 16, 16])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)]
            public Conv2d {|NG0003:conv1|} => null!;

            [Conv2d(32, 32, 3)]
            internal static Conv2d {|NG0003:conv2|} { get; } = null!;

            [Conv2d(32, 32, 3)]
            Conv2d {|NG0003:conv3|} { get { return null!; } }
        }
        """, """
        [Model(Input = [3, 16, 16])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 3)]
            public partial Conv2d conv1 { get; }

            [Conv2d(32, 32, 3)]
            internal partial Conv2d conv2 { get; }

            [Conv2d(32, 32, 3)]
            partial Conv2d conv3 { get; }
        }
        """);
}
