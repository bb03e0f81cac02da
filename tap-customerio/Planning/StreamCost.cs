namespace TapCustomerIo.Planning;

/// <summary>How a figure of the plan was obtained.</summary>
internal enum CostBasis
{
    /// <summary>Every call was counted: the lists were read, or the call count follows from the declaration.</summary>
    Exact,

    /// <summary>Sampled parents, or a window's first pages, scaled to the whole.</summary>
    Extrapolated,

    /// <summary>What the stream cost in the last run, from the state file (its reads do not depend on a bookmark).</summary>
    Recorded,
}

/// <summary>
/// One stream's share of the plan: the calls the sync makes (retries excluded) and the longest serial chain of them
/// (one cursor walk: each page waits for the previous answer).
/// </summary>
internal sealed record StreamCost(string Stream, double Requests, double Chain, CostBasis Basis, bool Selected);
