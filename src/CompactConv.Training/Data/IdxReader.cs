using System.Buffers.Binary;
using System.IO.Compression;

namespace CompactConv.Data;

/// <summary>
/// Reads IDX files, the format of the MNIST family: two zero bytes, an element type byte, a
/// dimension count, one big-endian 32-bit size per dimension, then the elements. Files may be
/// gzip-compressed; compression is recognised by its magic bytes, never by the file name, because
/// downloads are often unpacked by browsers while keeping their <c>.gz</c> suffix.
/// </summary>
public static class IdxReader
{
    /// <summary>The element type code of unsigned bytes, the only type the MNIST family uses.</summary>
    public const byte UnsignedByteType = 0x08;

    // Deflate cannot expand data by more than about 1032:1, so a header that promises more than
    // this many bytes per compressed byte is certainly truncated; checking first avoids allocating
    // gigabytes because of one corrupt header.
    private const long MaxDeflateRatio = 1032;

    /// <summary>Reads the IDX file at <paramref name="path"/>, gzip-compressed or not.</summary>
    /// <exception cref="DataException">The file is missing, unreadable, empty, not IDX, of an
    /// element type other than unsigned byte, corrupt, truncated, or longer than its header says.</exception>
    public static IdxArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            Span<byte> magic = stackalloc byte[2];
            int magicLength = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            if (magicLength == 0)
                throw new DataException(path, "empty file");
            bool gzip = magicLength == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            file.Position = 0;
            if (!gzip)
                return ReadContent(file, path, gzipFile: null, rawLength: file.Length);
            using var inflated = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            return ReadContent(inflated, path, gzipFile: file, rawLength: null);
        }
        catch (FileNotFoundException)
        {
            throw new DataException(path, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DataException(path, "file not found (its folder does not exist)");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new DataException(path, "is a folder, not an IDX file");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException(path, $"cannot read: {OneLine(e.Message)}", e);
        }
        catch (InvalidDataException e)
        {
            throw new DataException(path, $"corrupt gzip data: {OneLine(e.Message)}", e);
        }
        catch (IOException e)
        {
            throw new DataException(path, $"cannot read: {OneLine(e.Message)}", e);
        }
    }

    // gzipFile (the compressed file under stream) is given for gzip files, rawLength for
    // uncompressed ones; either lets us reject an impossible header before allocating its data.
    private static IdxArray ReadContent(Stream stream, string path, FileStream? gzipFile, long? rawLength)
    {
        string what = gzipFile is null ? "" : " after decompression";
        Span<byte> header = stackalloc byte[4];
        int got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got == 0 && gzipFile is not null)
            throw new DataException(path, "gzip data decompresses to nothing");
        if (got < header.Length)
            throw new DataException(path, $"not an IDX file: {got} bytes{what}, too short for the 4-byte magic number");
        if (header[0] != 0 || header[1] != 0)
            throw new DataException(path, $"not an IDX file: starts with {Hex(header)}{what}, expected 00 00 08 and a dimension count");
        if (header[2] != UnsignedByteType)
            throw new DataException(path, $"unsupported IDX element type 0x{header[2]:x2}: only 0x08 (unsigned byte) is supported");
        int dimensions = header[3];
        if (dimensions is < 1 or > IdxArray.MaxDimensions)
            throw new DataException(path, $"IDX dimension count {dimensions} is outside 1..{IdxArray.MaxDimensions}");

        Span<byte> sizes = stackalloc byte[4 * dimensions];
        got = stream.ReadAtLeast(sizes, sizes.Length, throwOnEndOfStream: false);
        if (got < sizes.Length)
            throw new DataException(path, $"truncated header: {dimensions} dimension sizes need {sizes.Length} bytes, found {got}");
        var shape = new int[dimensions];
        long promised = 1;
        for (int i = 0; i < dimensions; i++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(sizes.Slice(4 * i, 4));
            if (size == 0)
                throw new DataException(path, $"IDX dimension {i + 1} of {dimensions} has size 0");
            promised *= size;
            // Checked after every factor so the product cannot overflow a long.
            if (size > int.MaxValue || promised > Array.MaxLength)
                throw new DataException(path, $"IDX dimension sizes {SizesText(sizes, dimensions)} promise more data than one array can hold");
            shape[i] = (int)size;
        }

        int headerLength = header.Length + sizes.Length;
        if (rawLength is long length)
        {
            long found = length - headerLength;
            if (found != promised)
                throw SizeMismatch(path, promised, found, gzipFile: null, headerLength);
        }
        else if (gzipFile is not null && promised > gzipFile.Length * MaxDeflateRatio)
        {
            throw SizeMismatch(path, promised, CountRemaining(stream), gzipFile, headerLength);
        }

        var data = new byte[promised];
        got = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (got < data.Length)
            throw SizeMismatch(path, promised, got, gzipFile, headerLength);
        long extra = CountRemaining(stream);
        if (extra > 0)
            throw SizeMismatch(path, promised, promised + extra, gzipFile, headerLength);
        return new IdxArray(shape, data);
    }

    private static DataException SizeMismatch(string path, long promised, long found, FileStream? gzipFile, int headerLength)
    {
        if (found > promised)
            return new DataException(path, $"trailing bytes: header promises {promised} bytes of data, found {found}");
        // GZipStream ends quietly where a cut-off file ends, so say so when the gzip trailer
        // disagrees; the usual cause is an interrupted download, not a bad header.
        string cut = gzipFile is not null && GzipTrailerDisagrees(gzipFile, headerLength + found)
            ? " (the gzip file itself looks cut off)"
            : "";
        return new DataException(path, $"truncated: header promises {promised} bytes of data, found {found}{cut}");
    }

    // The last four bytes of a gzip file hold the uncompressed length modulo 2^32 (of its last
    // member; files of several members are rare for IDX and at worst get the hint wrongly).
    private static bool GzipTrailerDisagrees(FileStream gzipFile, long decompressed)
    {
        const int MinimalGzipLength = 18;
        if (gzipFile.Length < MinimalGzipLength)
            return true;
        Span<byte> trailer = stackalloc byte[4];
        gzipFile.Position = gzipFile.Length - trailer.Length;
        gzipFile.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) != (uint)decompressed;
    }

    private static long CountRemaining(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int got;
        while ((got = stream.Read(buffer, 0, buffer.Length)) > 0)
            total += got;
        return total;
    }

    private static string Hex(ReadOnlySpan<byte> bytes)
    {
        var parts = new string[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            parts[i] = bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(' ', parts);
    }

    private static string SizesText(ReadOnlySpan<byte> sizes, int dimensions)
    {
        var parts = new string[dimensions];
        for (int i = 0; i < dimensions; i++)
            parts[i] = BinaryPrimitives.ReadUInt32BigEndian(sizes.Slice(4 * i, 4)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"[{string.Join(", ", parts)}]";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
