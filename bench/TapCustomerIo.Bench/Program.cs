using TapCustomerIo.Bench.EndToEnd;
using TapCustomerIo.Bench.WritePath;

const string Usage = "usage: TapCustomerIo.Bench writepath [BenchmarkDotNet args] | e2e [--runs N] [--only scenario,...] | cpu [--runs N] [--build jit|aot|both] [--scale mix|large] | floor [--runs N]";

return args switch
{
    ["writepath", .. var rest] => WritePathMode.Run(rest),
    ["e2e", .. var rest] => await EndToEndMode.RunAsync(rest),
    ["cpu", .. var rest] => await CpuMode.RunAsync(rest),
    ["floor", .. var rest] => await FloorMode.RunAsync(rest),
    _ => Fail(),
};

static int Fail()
{
    Console.Error.WriteLine(Usage);
    return 2;
}
