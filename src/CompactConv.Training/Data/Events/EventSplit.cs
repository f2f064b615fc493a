namespace CompactConv.Data.Events;

/// <summary>The part of a sound event dataset a clip belongs to.</summary>
public enum EventSplit
{
    /// <summary>Clips to train on; their labels define the classes.</summary>
    Train,

    /// <summary>Clips held out of training for model selection.</summary>
    Validation,

    /// <summary>Clips never used for training or model selection.</summary>
    Test,
}
