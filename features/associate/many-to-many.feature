Feature: Associate rows through a many-to-many relationship with POST $ref
  "This is a 1:N relationship but you can perform the same operation for an N:N relationship." (D1)
  N:N navigation properties carry the same name on both sides; the pair is visible from either side (D2, D7).

  Background:
    Given an opportunity "Big deal"
    And a competitor "Rival"

  Scenario: Associating a competitor to an opportunity makes the pair visible from both sides
    When competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the request succeeds with 204 No Content
    And the opportunitycompetitors_association of opportunity "Big deal" contain competitor "Rival"
    And the opportunitycompetitors_association of competitor "Rival" contain opportunity "Big deal"

  Scenario: Associating from the competitor side works the same way
    When opportunity "Big deal" is added to the opportunitycompetitors_association of competitor "Rival"
    Then the request succeeds with 204 No Content
    And the opportunitycompetitors_association of opportunity "Big deal" contain competitor "Rival"

  Scenario: A user gets a security role through systemuserroles_association (D2's example)
    A user holds only roles of their own business unit, so the role is made in Dana's.
    Given a systemuser "Dana"
    And the businessunitid of systemuser "Dana" is known as "Dana's unit"
    And a role "Salesperson" in businessunit "Dana's unit" granting prvReadAccount at Basic depth
    When role "Salesperson" is added to the systemuserroles_association of systemuser "Dana"
    Then the request succeeds with 204 No Content
    And the systemuserroles_association of role "Salesperson" contain systemuser "Dana"

  Scenario: An opportunity has several competitors
    Given a competitor "Other rival"
    When competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    And competitor "Other rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the opportunitycompetitors_association of opportunity "Big deal" hold 2 rows

  @inferred
  Scenario: Associating an N:N pair that exists already is refused as a duplicate
    Given competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"
    When competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the response follows the "duplicate-association" behaviour
    And under "duplicate-association" = "412", the opportunitycompetitors_association of opportunity "Big deal" hold 1 row
    And under "duplicate-association" = "400", the opportunitycompetitors_association of opportunity "Big deal" hold 1 row
    And under "duplicate-association" = "no-op", the opportunitycompetitors_association of opportunity "Big deal" hold 1 row

  @inferred
  Scenario: Associating the pair again from the competitor side is refused as a duplicate too
    Given competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"
    When opportunity "Big deal" is added to the opportunitycompetitors_association of competitor "Rival"
    Then the response follows the "duplicate-association" behaviour
    And under "duplicate-association" = "412", the opportunitycompetitors_association of competitor "Rival" hold 1 row
    And under "duplicate-association" = "400", the opportunitycompetitors_association of competitor "Rival" hold 1 row
    And under "duplicate-association" = "no-op", the opportunitycompetitors_association of competitor "Rival" hold 1 row

  @inferred @emulator-only
  Scenario Outline: The duplicate N:N association answers as the emulator's behaviour is set: <mode>
    Given the emulator behaviour "duplicate-association" is "<mode>"
    And competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"
    When competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the response status is <status>
    And the opportunitycompetitors_association of opportunity "Big deal" hold 1 row

    Examples:
      | mode  | status |
      | 412   | 412    |
      | 400   | 400    |
      | no-op | 204    |
