namespace CompactConv.Data.Images;

/// <summary>Which of the two labels of a CIFAR-100 record to train on.</summary>
public enum CifarLabelSet
{
    /// <summary>The 100 fine classes (<c>fine_label_names.txt</c>), CIFAR-100's usual benchmark.</summary>
    Fine,

    /// <summary>The 20 superclasses (<c>coarse_label_names.txt</c>).</summary>
    Coarse,
}
