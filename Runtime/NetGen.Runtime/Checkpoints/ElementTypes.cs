using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// The element types a checkpoint may hold, with their sizes and their names in each format.
    /// Quantized types are not supported by any reader or writer.
    /// </summary>
    internal static class ElementTypes
    {
        public static bool IsSupported(ScalarType type) => SizeOf(type) > 0;

        /// <summary>Bytes per element, or 0 for a type NetGen does not read or write.</summary>
        public static int SizeOf(ScalarType type) => type switch
        {
            ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
            ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
            ScalarType.Int32 or ScalarType.Float32 => 4,
            ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
            ScalarType.ComplexFloat64 => 16,
            _ => 0,
        };

        /// <summary>PyTorch's legacy storage class name, e.g. <c>FloatStorage</c>.</summary>
        public static string? ToStorageName(ScalarType type) => type switch
        {
            ScalarType.Float64 => "DoubleStorage",
            ScalarType.Float32 => "FloatStorage",
            ScalarType.Float16 => "HalfStorage",
            ScalarType.BFloat16 => "BFloat16Storage",
            ScalarType.Int64 => "LongStorage",
            ScalarType.Int32 => "IntStorage",
            ScalarType.Int16 => "ShortStorage",
            ScalarType.Int8 => "CharStorage",
            ScalarType.Byte => "ByteStorage",
            ScalarType.Bool => "BoolStorage",
            ScalarType.ComplexFloat32 => "ComplexFloatStorage",
            ScalarType.ComplexFloat64 => "ComplexDoubleStorage",
            _ => null,
        };

        public static bool TryFromStorageName(string name, out ScalarType type)
        {
            foreach (var candidate in All)
            {
                if (ToStorageName(candidate) == name)
                {
                    type = candidate;
                    return true;
                }
            }

            type = default;
            return false;
        }

        /// <summary>The safetensors dtype string, e.g. <c>F32</c>; complex types have none.</summary>
        public static string? ToSafetensorsName(ScalarType type) => type switch
        {
            ScalarType.Float64 => "F64",
            ScalarType.Float32 => "F32",
            ScalarType.Float16 => "F16",
            ScalarType.BFloat16 => "BF16",
            ScalarType.Int64 => "I64",
            ScalarType.Int32 => "I32",
            ScalarType.Int16 => "I16",
            ScalarType.Int8 => "I8",
            ScalarType.Byte => "U8",
            ScalarType.Bool => "BOOL",
            _ => null,
        };

        /// <summary>Every safetensors dtype name NetGen reads.</summary>
        public static readonly string[] SafetensorsNames = ["F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL"];

        public static bool TryFromSafetensorsName(string name, out ScalarType type)
        {
            foreach (var candidate in All)
            {
                if (ToSafetensorsName(candidate) == name)
                {
                    type = candidate;
                    return true;
                }
            }

            type = default;
            return false;
        }

        private static readonly ScalarType[] All =
        [
            ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64,
            ScalarType.Float16, ScalarType.Float32, ScalarType.Float64, ScalarType.BFloat16,
            ScalarType.ComplexFloat32, ScalarType.ComplexFloat64, ScalarType.Bool,
        ];
    }
}
