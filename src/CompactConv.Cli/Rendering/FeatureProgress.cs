using System.Diagnostics;
using System.Globalization;
using CompactConv.Audio.Features;
using Spectre.Console;

namespace CompactConv.Cli.Rendering;

/// <summary>Progress of feature extraction: a bar on a terminal, a line every 10 seconds otherwise.</summary>
public static class FeatureProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports the number of files done so far.</summary>
    public static T Run<T>(string label, Func<IProgress<int>, T> work)
    {
        if (!ProgressRenderer.Interactive)
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            return work(new SynchronousProgress(done =>
            {
                if (clock.Elapsed - last < TimeSpan.FromSeconds(10)) return;
                last = clock.Elapsed;
                System.Console.WriteLine($"{label}: {done} files");
            }));
        }
        T result = default!;
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: double.MaxValue);
                result = work(new SynchronousProgress(done => task.Description = $"{label}: {done} files"));
            });
        return result;
    }

    /// <summary>One line: clips computed and reused, the cache folder, and the extraction speed in clips per second and times real time.</summary>
    public static string Describe(FeatureCacheFillResult r) => string.Create(CultureInfo.InvariantCulture,
        $"features: {r.Computed} computed, {r.Reused} from cache in {r.Folder}; ") + (r.Computed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"checked in {r.WallSeconds:F1} s")
            : string.Create(CultureInfo.InvariantCulture,
                $"{r.AudioSeconds / 3600:F2} h of audio in {r.WallSeconds:F1} s ({r.ClipsPerSecond:F1} clips/s, {r.TimesRealTime:F0}x real time)"));

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        private readonly object gate = new();

        public void Report(int value)
        {
            lock (gate) report(value);
        }
    }
}
