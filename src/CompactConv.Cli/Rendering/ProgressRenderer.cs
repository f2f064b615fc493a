using System.Diagnostics;
using System.Globalization;
using CompactConv.Training;
using Spectre.Console;

namespace CompactConv.Cli.Rendering;

/// <summary>
/// Shows training progress: a Spectre.Console bar on an interactive terminal, plain lines (one per
/// epoch, and one every <see cref="PlainInterval"/> within an epoch) when output is redirected,
/// where a bar would print nothing.
/// </summary>
public static class ProgressRenderer
{
    /// <summary>Environment variable that sets <see cref="PlainInterval"/> in seconds (0: after every step).</summary>
    public const string IntervalVariable = "COMPACTCONV_PROGRESS_SECONDS";

    /// <summary>How often plain-text mode reports within an epoch: 15 s, or <see cref="IntervalVariable"/> seconds.</summary>
    public static TimeSpan PlainInterval { get; set; } = IntervalFrom(Environment.GetEnvironmentVariable(IntervalVariable));

    /// <summary>The interval a value of <see cref="IntervalVariable"/> asks for; 15 s when it is unset or not a number of seconds (0 or more).</summary>
    public static TimeSpan IntervalFrom(string? seconds) =>
        double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && double.IsFinite(value)
            ? TimeSpan.FromSeconds(value)
            : TimeSpan.FromSeconds(15);

    /// <summary>True when progress is drawn as a bar (see <see cref="OutputTarget.Interactive"/>).</summary>
    public static bool Interactive => OutputTarget.Interactive;

    /// <summary>
    /// Runs <paramref name="run"/> with an observer that renders one training run's progress; speeds are
    /// in <paramref name="unit"/>s per second (<c>img</c> for image runs, <c>clips</c> for audio).
    /// </summary>
    public static T Train<T>(string label, Func<ITrainingObserver, T> run, string unit = "img") =>
        Session(observerFor => run(observerFor(label)), unit);

    /// <summary>
    /// Runs <paramref name="run"/>, which may train several models; it asks the factory it is given
    /// for one observer per labelled run, all drawn in the same progress display.
    /// </summary>
    public static T Session<T>(Func<Func<string, ITrainingObserver>, T> run, string unit = "img")
    {
        if (!Interactive) return run(label => new PlainObserver(label, unit));
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => result = run(label => new BarObserver(label, unit, context)));
        return result;
    }

    /// <summary>The speed unit of <paramref name="task"/>'s training examples: <c>img</c> or <c>clips</c>.</summary>
    public static string UnitOf(string task) => task == "image" ? "img" : "clips";

    // Image runs count images and audio runs clips: unit says which ("img" or "clips").
    private static string EpochLine(string label, string unit, EpochRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{label} epoch {r.Epoch}: train loss {r.TrainLoss:F4} acc {100 * r.TrainAccuracy:F2} %, validation loss {r.ValidationLoss:F4} acc {100 * r.ValidationAccuracy:F2} %, {r.Seconds:F1} s ({r.ExamplesPerSecond:F0} {unit}/s)");

    private static string EventEpochLine(string label, EventEpochRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{label} epoch {r.Epoch}: train loss {r.TrainLoss:F4} frame F1 {r.TrainFrameF1:F3}, validation event F1 {r.ValidationScore:F4}, {r.Seconds:F1} s ({r.ClipsPerSecond:F1} clips/s)");

    private sealed class PlainObserver(string label, string unit) : ITrainingObserver
    {
        private readonly Stopwatch sinceLastLine = Stopwatch.StartNew();

        public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) =>
            System.Console.WriteLine(firstEpoch > epochs
                ? $"{label}: all {epochs} epochs already done"
                : $"{label}: epochs {firstEpoch}..{epochs}, {stepsPerEpoch} steps each");

        public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss)
        {
            if (sinceLastLine.Elapsed < PlainInterval) return;
            sinceLastLine.Restart();
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label} epoch {epoch}: step {stepInEpoch}/{stepsPerEpoch}, loss {loss:F4}"));
        }

        public void EpochCompleted(EpochRecord record)
        {
            sinceLastLine.Restart();
            System.Console.WriteLine(EpochLine(label, unit, record));
        }

        public void EventEpochCompleted(EventEpochRecord record)
        {
            sinceLastLine.Restart();
            System.Console.WriteLine(EventEpochLine(label, record));
        }

        public void Note(string line) => System.Console.WriteLine(OptionFlags.ToFlags(line));
    }

    private sealed class BarObserver(string label, string unit, ProgressContext context) : ITrainingObserver
    {
        private ProgressTask? task;
        private long stepsPerEpoch = 1;
        private int firstEpoch = 1;

        public void RunStarted(int first, int epochs, long steps)
        {
            firstEpoch = first;
            stepsPerEpoch = steps;
            task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, (epochs - first + 1) * steps));
            if (first > epochs) task.Value = task.MaxValue;
        }

        public void StepCompleted(int epoch, long stepInEpoch, long steps, double loss)
        {
            if (task is null) return;
            task.Value = (epoch - firstEpoch) * stepsPerEpoch + stepInEpoch;
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{label} epoch {epoch} loss {loss:F3}"));
        }

        public void EpochCompleted(EpochRecord record) => AnsiConsole.MarkupLine(Markup.Escape(EpochLine(label, unit, record)));

        public void EventEpochCompleted(EventEpochRecord record) => AnsiConsole.MarkupLine(Markup.Escape(EventEpochLine(label, record)));

        public void Note(string line) => AnsiConsole.MarkupLine(Markup.Escape(OptionFlags.ToFlags(line)));
    }
}
