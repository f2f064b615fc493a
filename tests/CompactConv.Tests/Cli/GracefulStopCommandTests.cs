using System.Runtime.InteropServices;
using CompactConv.Cli;
using CompactConv.Tests.Data;
using CompactConv.Tests.Training;
using CompactConv.Training;

namespace CompactConv.Tests.Cli;

public class GracefulStopCommandTests
{
    [Fact]
    public void SigtermMidEpochStopsWithAStepCheckpointAndExit75AndTheResumeEndsBitIdentical()
    {
        using var folder = new TempFolder();
        string data = folder.Folder("data");
        // 1080 training images in batches of 4: 270 steps, so the signal sent after step 2 falls well inside the epoch.
        FakeMnist.Write(data, 1200, 20);
        // Stochastic pooling draws random numbers every step: a resume that seeded a step wrongly would show.
        string[] Train(string run) => ["train", "--dataset", "mnist", "--data", data, "--model", "smallcnn", "--conv", "compact", "--op", "stochastic",
            "--width", "0.25", "--epochs", "1", "--batch", "4", "--threads", "1", "--out", run];
        string straight = folder.File("straight"), run = folder.File("stopped");
        var uninterrupted = CliProcess.Run(Train(straight));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        CliHarness.Result stopped;
        using (var cli = CliProcess.Start(Train(run)))
        {
            cli.WaitForLine(line => line.Contains("epoch 1: step 2/270,", StringComparison.Ordinal));
            cli.Signal("TERM");
            stopped = cli.WaitForExit();
        }

        Assert.True(stopped.ExitCode == ExitCodes.Stopped, stopped.Out + stopped.Error);
        var lines = stopped.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("SIGTERM: stopping at the next step boundary with a checkpoint; send it again to stop at once", lines);
        var state = new CheckpointStore(run).ReadState();
        Assert.Equal(0, state.Epoch);
        long step = state.Partial!.Step;
        Assert.InRange(step, 2, 269);
        Assert.Equal($"stopped by SIGTERM at epoch 1 step {step}; checkpoint in {run}; continue with the same command and --resume", lines[^1]);
        Assert.True(File.Exists(Path.Combine(run, "checkpoint", $"epoch-0001-step-{step:D6}.model")));
        Assert.False(File.Exists(Path.Combine(run, RunLock.FileName)));

        var resumed = CliProcess.Run([.. Train(run), "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(TrainedFigures(straight), TrainedFigures(run));
        RunFolderAssert.SameWeights(straight, run, RunConfig.Load(Path.Combine(run, "config.json")));
    }

    // log.csv without the columns that time the epoch.
    private static string[] TrainedFigures(string run) =>
        File.ReadAllLines(Path.Combine(run, "log.csv")).Select(line => string.Join(',', line.Split(',')[..6])).ToArray();

    [Fact]
    public void TheFirstSignalAsksForAStopAndTheSecondEndsTheProcessAsTheDefaultActionWould()
    {
        foreach (var (signal, name, code) in new[] { (PosixSignal.SIGTERM, "SIGTERM", 143), (PosixSignal.SIGINT, "SIGINT", 130) })
        {
            var exits = new List<int>();
            using var signals = new StopSignals(exits.Add);
            var first = new PosixSignalContext(signal);
            var output = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                signals.Handle(first);
            }
            finally
            {
                Console.SetOut(output);
            }

            Assert.True(first.Cancel); // the process goes on, to the next step boundary
            Assert.Equal(name, signals.Token.RequestedBy);
            Assert.Equal($"{name}: stopping at the next step boundary with a checkpoint; send it again to stop at once{Environment.NewLine}", captured.ToString());
            Assert.Empty(exits);

            var second = new PosixSignalContext(signal);
            signals.Handle(second);

            Assert.Equal([code], exits);
        }
    }
}
