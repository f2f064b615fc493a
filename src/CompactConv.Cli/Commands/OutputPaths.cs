using System.CommandLine;
using System.CommandLine.Parsing;
using CompactConv.IO;

namespace CompactConv.Cli.Commands;

/// <summary>
/// Parse-time checks of the options that name where a command writes. A path that can never be
/// written (a file where a folder is meant, a folder where a file is meant, anything under a file) is
/// refused before any work, naming the option, instead of failing later with .NET's own message,
/// possibly after minutes of training.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Makes <paramref name="option"/> refuse a path that is a file or lies under one; returns it.</summary>
    public static Option<T> Folder<T>(Option<T> option) => Checked(option, folder: true);

    /// <summary>Makes <paramref name="option"/> refuse a path that is a folder or lies under a file; returns it.</summary>
    public static Option<T> File<T>(Option<T> option) => Checked(option, folder: false);

    /// <summary>
    /// <paramref name="path"/>, the default of folder option <paramref name="option"/>, unless it cannot be
    /// written: validators see only given values, so a default under a file would otherwise fail late.
    /// </summary>
    /// <exception cref="UsageException">The default is a file or lies under one.</exception>
    public static string DefaultFolder(string path, string option) =>
        Problem(path, folder: true) is { } problem ? throw new UsageException($"{option} (default): {problem}") : path;

    /// <summary>What is wrong with writing <paramref name="path"/> as a folder (or a file), or null when nothing is.</summary>
    public static string? Problem(string path, bool folder)
    {
        if (!folder && Directory.Exists(path)) return $"{path} is a folder, not a file";
        if (BlockingFile.Of(path) is not { } file) return null;
        if (file != Path.GetFullPath(path)) return $"{path} is under a file ({file})";
        return folder ? $"{path} is a file, not a folder" : null;
    }

    private static Option<T> Checked<T>(Option<T> option, bool folder)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is string { Length: > 0 } path && Problem(path, folder) is { } problem)
                result.AddError($"{option.Name}: {problem}");
        });
        return option;
    }
}
