using System;

namespace NetGen.Runtime.Tests.StateDict
{
    public sealed class ChildProcessTests
    {
        [Fact]
        public void A_child_scenario_runs_in_a_fresh_process_with_its_arguments()
        {
            var (exitCode, output, error) = ChildProcess.Run("echo", ["a b", "c"], TimeSpan.FromSeconds(60));

            Assert.True(exitCode == 0, error);
            Assert.Equal("a b|c", output.Trim());
        }
    }
}
