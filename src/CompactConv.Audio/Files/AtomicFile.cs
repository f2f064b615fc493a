using System.Text;
using System.Text.RegularExpressions;

namespace CompactConv.IO;

/// <summary>
/// Writes files so that a reader (or a crash) never sees a half-written one: the content goes to
/// a temporary file in the same folder, which is then renamed over the target.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically, creating the folder.
    /// With <paramref name="overwrite"/> false an existing file is kept and an <see cref="IOException"/>
    /// thrown, even when it appeared while the content was being written.
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool overwrite = true) =>
        WriteVia(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        }, overwrite);

    /// <summary>
    /// Like <see cref="Write"/> for writers that insist on a path (or close the stream they are
    /// given, as TorchSharp's Module.save does): <paramref name="writeTo"/> gets the temporary path.
    /// </summary>
    public static void WriteVia(string path, Action<string> writeTo, bool overwrite = true)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        // IsTemporary recognises this name: keep the two together.
        try
        {
            writeTo(temp);
            File.Move(temp, path, overwrite);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// True for the name of the temporary file <see cref="Write"/> writes before renaming it (".NAME.PID.tmp").
    /// In a folder that no process is writing, such a file is what a process killed mid-write left.
    /// </summary>
    public static bool IsTemporary(string fileName) => TemporaryName().IsMatch(fileName);

    [GeneratedRegex(@"^\..+\.[0-9]+\.tmp$")]
    private static partial Regex TemporaryName();

    /// <summary>Writes UTF-8 text atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
        });
}
