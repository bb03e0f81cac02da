namespace FakeCustomerIo;

/// <summary>How the fake answers GET /v1/customers/{id}/relationships.</summary>
internal enum RelationshipShape
{
    /// <summary>
    /// The definition's 200 schema (getPersonRelationships): <c>identifiers {object_id, cio_object_id}</c>, an integer
    /// <c>object_type_id</c> beside it, the relationship's <c>attributes</c> and their <c>timestamps</c> (Unix seconds),
    /// and a string <c>next</c> ("" on the last page).
    /// </summary>
    Documented,

    /// <summary>
    /// The shape this fake served before issue 11, as the workspace notes described it: <c>object_type_id</c> (a string)
    /// inside <c>identifiers</c>, the attributes under <c>relationship_attributes</c>, no timestamps, no <c>next</c> on the
    /// last page.
    /// </summary>
    Legacy,
}

/// <summary>The name of the person's identifiers on GET /v1/transactional/{id}/messages items.</summary>
internal enum TransactionalIdentifiers
{
    /// <summary><c>customer_identifiers</c>: the definition's schema (transactionalMessages), like every delivery list.</summary>
    CustomerIdentifiers,

    /// <summary><c>identifiers</c>: the definition's example for the same operation.</summary>
    Identifiers,
}
