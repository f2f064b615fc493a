using System.CommandLine;

namespace CompactConv.Cli.Commands;

/// <summary>Where <c>predict</c> and <c>detect</c> take their model from: a run folder (<c>--checkpoint</c>) or an exported file (<c>--model</c>), exactly one.</summary>
internal static class ModelSource
{
    /// <summary>The <c>--model</c> file when that is the source; null for a run folder. Both, neither, or <c>--best</c> with a file is a usage error.</summary>
    public static string? Of(ParseResult parse, Option<string?> checkpoint, Option<string?> model, Option<bool> best)
    {
        string? folder = parse.GetValue(checkpoint), file = parse.GetValue(model);
        if (folder is null == file is null)
            throw new UsageException("give either --checkpoint RUN (a run folder) or --model MODEL.onnx (an exported file), not both and not neither");
        if (file is not null && parse.GetValue(best))
            throw new UsageException("--best applies to --checkpoint: an exported file holds the weights it was exported with");
        return file;
    }
}
