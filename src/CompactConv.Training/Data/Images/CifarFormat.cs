namespace CompactConv.Data.Images;

/// <summary>One label byte of a CIFAR record: what it is called, how many classes it has and which file names them.</summary>
/// <param name="Name">Name in messages, e.g. "fine label".</param>
/// <param name="Classes">Number of classes; the byte must be below it.</param>
/// <param name="NamesFile">The file listing the class names, one per line.</param>
internal sealed record CifarLabelField(string Name, int Classes, string NamesFile);

/// <summary>
/// The binary version of a CIFAR dataset as its authors distribute it: fixed-size records of label
/// bytes followed by a 32x32 colour image stored channel by channel (1024 red, 1024 green, 1024
/// blue bytes, each plane row by row), which is already the [C, H, W] layout the models take.
/// </summary>
/// <param name="Title">Name in messages and sources, e.g. "CIFAR-10 binary".</param>
/// <param name="Subfolder">The folder the archive unpacks to; used when the data folder given is its parent.</param>
/// <param name="Archive">The archive's file name, for messages.</param>
/// <param name="TrainFiles">Training record files, read in this order.</param>
/// <param name="TestFiles">Test record files, read in this order.</param>
/// <param name="LabelFields">The label bytes at the start of every record, in record order.</param>
internal sealed record CifarFormat(string Title, string Subfolder, string Archive,
    IReadOnlyList<string> TrainFiles, IReadOnlyList<string> TestFiles, IReadOnlyList<CifarLabelField> LabelFields)
{
    /// <summary>Image side length.</summary>
    public const int Side = 32;

    /// <summary>Colour channels.</summary>
    public const int Channels = 3;

    /// <summary>Bytes of one image (3 x 32 x 32).</summary>
    public const int ImageBytes = Channels * Side * Side;

    /// <summary>Bytes of one record: the label bytes, then the image.</summary>
    public int RecordSize => LabelFields.Count + ImageBytes;

    /// <summary>CIFAR-10: <c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c>, <c>test_batch.bin</c>;
    /// records of one label byte; class names in <c>batches.meta.txt</c>.</summary>
    public static CifarFormat Cifar10 { get; } = new("CIFAR-10 binary", "cifar-10-batches-bin", "cifar-10-binary.tar.gz",
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
        ["test_batch.bin"],
        [new CifarLabelField("label", 10, "batches.meta.txt")]);

    /// <summary>CIFAR-100: <c>train.bin</c>, <c>test.bin</c>; records of a coarse then a fine label
    /// byte; class names in <c>coarse_label_names.txt</c> and <c>fine_label_names.txt</c>.</summary>
    public static CifarFormat Cifar100 { get; } = new("CIFAR-100 binary", "cifar-100-binary", "cifar-100-binary.tar.gz",
        ["train.bin"],
        ["test.bin"],
        [new CifarLabelField("coarse label", 20, "coarse_label_names.txt"), new CifarLabelField("fine label", 100, "fine_label_names.txt")]);
}
