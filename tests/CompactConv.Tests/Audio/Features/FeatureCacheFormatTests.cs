using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

/// <summary>
/// Pins the entry layout and the key so that caches filled by earlier versions (the tensor
/// extractor's) stay valid: both are built here by hand from docs/audio-features.md.
/// </summary>
public class FeatureCacheFormatTests
{
    [Fact]
    public void DefaultOptionsJson_TheOptionsPartOfEveryKey_IsUnchanged() =>
        Assert.Equal(
            "{\"sample_rate\":44100,\"n_fft\":2048,\"hop_length\":1024,\"win_length\":null,\"window\":\"hann\",\"center\":true,"
            + "\"pad_mode\":\"constant\",\"n_mels\":128,\"fmin\":0,\"fmax\":null,\"mel_scale\":\"slaney\",\"norm\":\"slaney\","
            + "\"power\":2,\"ref\":1,\"amin\":1E-10,\"top_db\":80}",
            new LogMelOptions().ToJson());

    [Fact]
    public void EntryWrittenByHand_IsReadBack_UnderTheDocumentedNameAndKey()
    {
        using var temp = new TempFolder();
        var audio = temp.File("a.wav");
        File.WriteAllBytes(audio, new byte[123]);
        var options = new LogMelOptions();
        var info = new FileInfo(audio);
        string json = options.ToJson();
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{info.FullName}\n{json}"))) + ".logmel";
        var keyHash = SHA256.HashData(Encoding.UTF8.GetBytes($"{info.FullName}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}\n{json}"));

        float[] values = [-1.5f, 2.25f, 3f, -80f, 0f, 7.125f]; // [2 bands, 3 frames], row-major
        var bytes = new byte[52 + 4 * values.Length + 32];
        "CCLOGMEL"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 3);
        keyHash.CopyTo(bytes, 20);
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(52 + 4 * i), values[i]);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));

        var cache = new FeatureCache(temp.Folder("cache"));
        Assert.Equal(Path.Combine(cache.Folder, name), cache.EntryPath(audio, options));
        Directory.CreateDirectory(cache.Folder);
        File.WriteAllBytes(Path.Combine(cache.Folder, name), bytes);
        Assert.True(cache.TryGet(audio, options, out var features));
        Assert.Equal(new float[,] { { -1.5f, 2.25f, 3f }, { -80f, 0f, 7.125f } }, features);

        // And what Put writes is byte for byte that layout.
        cache.Put(audio, options, features);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(cache.Folder, name)));
    }
}
