using System.Globalization;

namespace CompactConv.Data.Images;

/// <summary>Reads and checks the record files of a <see cref="CifarFormat"/>.</summary>
internal static class CifarRecords
{
    /// <summary>The number of records in <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is missing, empty or not a whole number of records long.</exception>
    public static int Count(string path, CifarFormat format)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (FileNotFoundException)
        {
            throw new DataException(path, "file not found");
        }
        if (length == 0)
            throw new DataException(path, "empty file: no records");
        int size = format.RecordSize;
        long records = length / size, trailing = length % size;
        if (trailing != 0)
        {
            throw new DataException(path, string.Create(CultureInfo.InvariantCulture,
                $"{length} bytes is not a whole number of {size}-byte {format.Title} records: {records} records and {trailing} trailing bytes (a cut-off or wrong file?)"));
        }
        if (records * CifarFormat.ImageBytes > Array.MaxLength)
            throw new DataException(path, string.Create(CultureInfo.InvariantCulture, $"{records} records are more than one array can hold"));
        return (int)records;
    }

    /// <summary>
    /// Reads the <paramref name="count"/> records of <paramref name="path"/> into
    /// <paramref name="pixels"/> and <paramref name="labels"/> from record <paramref name="first"/> on,
    /// keeping the label of field <paramref name="field"/>. Every label byte of every record is checked,
    /// not only the kept one: a byte out of range means the file is not what it claims to be.
    /// </summary>
    /// <exception cref="DataException">A label is out of range (the first offending record and the
    /// number of such records are named), or the file changed while it was read.</exception>
    public static void Read(string path, CifarFormat format, int field, int count, byte[] pixels, long[] labels, int first)
    {
        int labelBytes = format.LabelFields.Count;
        Span<byte> recordLabels = stackalloc byte[labelBytes];
        string? firstProblem = null;
        int badRecords = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
            for (int i = 0; i < count; i++)
            {
                stream.ReadExactly(recordLabels);
                // The caller sized pixels within Array.MaxLength, so the offset fits an int.
                stream.ReadExactly(pixels.AsSpan((int)((long)(first + i) * CifarFormat.ImageBytes), CifarFormat.ImageBytes));
                string? problem = LabelProblem(format, recordLabels);
                if (problem is not null)
                {
                    badRecords++;
                    firstProblem ??= string.Create(CultureInfo.InvariantCulture,
                        $"record {i} (byte offset {(long)i * format.RecordSize}): {problem}");
                }
                labels[first + i] = recordLabels[field];
            }
        }
        catch (EndOfStreamException)
        {
            throw new DataException(path, "the file became shorter while it was read");
        }
        catch (IOException e)
        {
            throw new DataException(path, $"cannot read: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        if (firstProblem is not null)
        {
            string more = badRecords == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({badRecords} records have labels out of range)");
            throw new DataException(path, firstProblem + more);
        }
    }

    private static string? LabelProblem(CifarFormat format, ReadOnlySpan<byte> recordLabels)
    {
        for (int f = 0; f < recordLabels.Length; f++)
        {
            var labelField = format.LabelFields[f];
            if (recordLabels[f] >= labelField.Classes)
                return string.Create(CultureInfo.InvariantCulture, $"{labelField.Name} {recordLabels[f]} is outside 0..{labelField.Classes - 1}");
        }
        return null;
    }
}
