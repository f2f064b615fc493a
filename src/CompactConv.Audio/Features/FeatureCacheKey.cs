using System.Security.Cryptography;
using System.Text;

namespace CompactConv.Audio.Features;

/// <summary>
/// What a cached entry depends on: the audio file (absolute path, size, last-write time) and the
/// front-end options. <see cref="EntryName"/> hashes only the path and options, so a changed
/// audio file maps to the same entry file, which is then seen as stale and overwritten instead
/// of being left behind; <see cref="Hash"/> covers everything and is stored in the entry's header.
/// </summary>
internal sealed record FeatureCacheKey(string AudioPath, long Size, long LastWriteUtcTicks, string OptionsJson)
{
    /// <summary>The key of the audio file as it is now; null when the file does not exist.</summary>
    public static FeatureCacheKey? Of(string audioPath, LogMelOptions options)
    {
        var info = new FileInfo(Path.GetFullPath(audioPath));
        if (!info.Exists) return null;
        return new FeatureCacheKey(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks, options.ToJson());
    }

    /// <summary>File name of the entry: SHA-256 of (path, options) in hex, plus the extension.</summary>
    public string EntryName => Convert.ToHexStringLower(Sha256($"{AudioPath}\n{OptionsJson}")) + ".logmel";

    /// <summary>SHA-256 of every part of the key; an entry whose header holds another value is stale.</summary>
    public byte[] Hash => Sha256($"{AudioPath}\n{Size}\n{LastWriteUtcTicks}\n{OptionsJson}");

    private static byte[] Sha256(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
