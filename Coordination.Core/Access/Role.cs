namespace Coordination.Core.Access;

/// <summary>What an account may do; keys on the wire: admin, lead, liaison, viewer, township, display.</summary>
public enum Role
{
    /// <summary>Accounts and reference data; no children's files.</summary>
    Admin = 1,

    /// <summary>An agency head: all of its agency's actions, merges (civil affairs), exports.</summary>
    Lead = 2,

    /// <summary>Its agency's screenings, referrals and assistance.</summary>
    Liaison = 3,

    /// <summary>Reads, never writes.</summary>
    Viewer = 4,

    /// <summary>A township's child-welfare supervisor: reads and household screenings within one township.</summary>
    Township = 5,

    /// <summary>The meeting-room wall: aggregates and the masked feed only.</summary>
    Display = 6,
}
