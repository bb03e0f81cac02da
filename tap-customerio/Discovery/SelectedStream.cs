using TapCustomerIo.Streams;

namespace TapCustomerIo.Discovery;

/// <summary>A stream the user asked for, with its selected top-level fields (null: all) and whether to ignore its bookmark.</summary>
internal sealed record SelectedStream(StreamDefinition Definition, IReadOnlySet<string>? Fields, bool FullRefresh = false);
