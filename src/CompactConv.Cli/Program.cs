using static TorchSharp.torch;
var a = tensor(new float[] { 1, 2, 3 });
Console.WriteLine((a * 2).sum().item<float>());
