using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    public sealed class AtomicSaveTests
    {
        [Theory]
        [InlineData(CheckpointFormat.PyTorch)]
        [InlineData(CheckpointFormat.Safetensors)]
        [InlineData(CheckpointFormat.TorchSharp)]
        public void A_stream_failing_part_way_leaves_the_old_file_intact_and_no_temporary_file(CheckpointFormat format)
        {
            using var directory = new TempDirectory();
            string path = directory.File("model.ckpt");
            using var model = new SeedNet();
            Checkpoint.Write(path, model.OrderedStateDict(), format);
            byte[] before = File.ReadAllBytes(path);
            manual_seed(11);
            using var changed = new SeedNet();

            var error = Assert.Throws<IOException>(() => AtomicFile.Write(
                path,
                stream => Checkpoint.Write(new FailingStream(stream, failAfterBytes: before.Length / 2), changed.OrderedStateDict(), format)));

            Assert.Equal(FailingStream.Message, error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(directory.Path));
        }

        [Fact]
        public void A_save_that_throws_inside_the_writer_keeps_the_old_file()
        {
            using var directory = new TempDirectory();
            string path = directory.File("model.safetensors");
            using var model = new LinearBn();
            model.SaveCheckpoint(path);
            byte[] before = File.ReadAllBytes(path);
            var complex = new Dictionary<string, Tensor> { ["ok"] = ones(2), ["c"] = ones(2, ScalarType.ComplexFloat32) };

            Assert.Throws<ArgumentException>(() => AtomicFile.Write(path, stream => Checkpoint.Write(stream, complex, CheckpointFormat.Safetensors)));

            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(directory.Path));
        }

        [Fact]
        public void A_successful_save_replaces_the_file_and_leaves_no_temporary_file()
        {
            using var directory = new TempDirectory();
            string path = directory.File("model.pt");
            File.WriteAllText(path, "old");
            using var model = new LinearBn();

            model.SaveCheckpoint(path);

            Assert.Equal([path], Directory.GetFiles(directory.Path));
            using var reader = Checkpoint.Open(path);
            Assert.Equal(7, reader.Entries.Count);
        }

        /// <summary>A seekable pass-through stream that throws once more than a given number of bytes were written.</summary>
        private sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
        {
            public const string Message = "Simulated disk failure part-way through the save.";
            private long _written;

            public override bool CanRead => inner.CanRead;

            public override bool CanSeek => inner.CanSeek;

            public override bool CanWrite => true;

            public override long Length => inner.Length;

            public override long Position { get => inner.Position; set => inner.Position = value; }

            public override void Flush() => inner.Flush();

            public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

            public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

            public override void SetLength(long value) => inner.SetLength(value);

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                if (_written + buffer.Length > failAfterBytes)
                {
                    int allowed = (int)Math.Max(0, failAfterBytes - _written);
                    inner.Write(buffer[..allowed]);
                    _written += allowed;
                    throw new IOException(Message);
                }

                inner.Write(buffer);
                _written += buffer.Length;
            }
        }
    }
}
