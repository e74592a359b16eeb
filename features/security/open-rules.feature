Feature: The security rules Microsoft's sources leave open, observed
  Where the sources disagree or are silent, the rule is an emulator behaviour with its provenance (behaviours.md):
  the emulator must answer as its configured mode says; a live org's answer is recorded in the run's behaviour
  profile, which settles the rule for that org. Each probe differs from a passing request by one privilege.
  On a live org the business units and users are the org's own, named in dataverse.existing-rows (each user holding
  no role of their own); the roles and teams are the run's, given to those users and deleted at cleanup. A scenario
  whose units or users are not named is skipped with the line to add.

  Background:
    Given a businessunit "Sales" under the root business unit
    And an opportunity "Big deal"

  @conflict
  Scenario: An N:N link by a user with Append but no AppendTo follows the security-nn-associate behaviour
    Given a competitor "Rival"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadCompetitor    | Global |
      | prvWriteCompetitor   | Global |
      | prvAppendCompetitor  | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the response follows the "security-nn-associate" behaviour
    And under "security-nn-associate" = "append-both", the opportunitycompetitors_association of opportunity "Big deal" contain competitor "Rival"
    And under "security-nn-associate" = "appendto-target+append-related", the opportunitycompetitors_association of opportunity "Big deal" are empty
    And under "security-nn-associate" = "append+appendto-both", the opportunitycompetitors_association of opportunity "Big deal" are empty

  @conflict
  Scenario: An N:N link by a user with AppendTo on the opportunity and Append on the competitor tells the refusing readings apart
    Both readings that refuse the probe above answer 403 0x80040220. S3's "Associate: Append and AppendTo" reading
    needs AppendTo on the row of the URL and Append on the row referenced, which this user holds, and nothing more:
    only under it does the link go through. Append on both rows (S2) lacks Append on the opportunity; both rights on
    both rows lacks it too, and AppendTo on the competitor.
    Given a competitor "Rival"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege              | depth  |
      | prvReadOpportunity     | Global |
      | prvAppendToOpportunity | Global |
      | prvReadCompetitor      | Global |
      | prvAppendCompetitor    | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the response follows the "security-nn-associate" behaviour, its modes answering:
      | mode                           | status | code       |
      | append-both                    | 403    | 0x80040220 |
      | appendto-target+append-related | 204    |            |
      | append+appendto-both           | 403    | 0x80040220 |
    And under "security-nn-associate" = "appendto-target+append-related", the opportunitycompetitors_association of opportunity "Big deal" contain competitor "Rival"
    And under "security-nn-associate" = "append-both", the opportunitycompetitors_association of opportunity "Big deal" are empty
    And under "security-nn-associate" = "append+appendto-both", the opportunitycompetitors_association of opportunity "Big deal" are empty

  @inferred
  Scenario: Clearing a lookup by a user with Write but no Append follows the security-lookup-clear behaviour
    Given an account "Contoso"
    And the customerid_account of opportunity "Big deal" is bound to account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege           | depth  |
      | prvReadOpportunity  | Global |
      | prvWriteOpportunity | Global |
      | prvReadAccount      | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, the customerid_account of opportunity "Big deal" is removed
    Then the response follows the "security-lookup-clear" behaviour
    And under "security-lookup-clear" = "write+append", the customerid_account of opportunity "Big deal" is account "Contoso"
    And under "security-lookup-clear" = "write-only", the customerid_account of opportunity "Big deal" is empty

  @inferred
  Scenario: Reading a row beyond the depth follows the security-retrieve-inaccessible behaviour
    Given an account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting prvReadAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, account "Contoso" is read
    Then the response follows the "security-retrieve-inaccessible" behaviour

  @inferred
  Scenario: Listing a table without its Read privilege follows the security-list-no-privilege behaviour
    Given an account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting prvReadOpportunity at Global depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And the next request carries the header "MSCRMCallerID" with value "{Dana}"
    When I send GET "accounts?$select=name"
    Then the response follows the "security-list-no-privilege" behaviour

  Scenario: Giving a user a role of the unit above follows the security-modernized-bu behaviour
    An org setting, not a disagreement of the sources: with classic business units a user holds only roles of their
    own unit (the step "a systemuser … with role …" gives the unit's copy of the role for that reason).
    Given a businessunit "West" under businessunit "Sales"
    And a role "Salesperson" in businessunit "Sales" granting prvReadAccount at Global depth
    And a systemuser "Will" in businessunit "West" without roles
    When I send POST "systemusers({Will})/systemuserroles_association/$ref" with body:
      """
      {"@odata.id": "{root}/roles({Salesperson})"}
      """
    Then the response follows the "security-modernized-bu" behaviour
    And under "security-modernized-bu" = "on", the systemuserroles_association of systemuser "Will" contain role "Salesperson"
    And under "security-modernized-bu" = "off", the systemuserroles_association of systemuser "Will" are empty

  @conflict
  Scenario: Acting as a user who lacks a privilege is refused under either reading of security-impersonation-privileges
    S7 has the caller hold the privilege too; the other reading asks it of the impersonated user only. On a live org
    the caller is the run's application user, who holds every privilege, so no request a live run may send tells the
    two apart: both refuse what the impersonated user lacks (here AppendTo on the account). A live run records the
    rule as undetermined, never as either reading; an org that let the link through would fit neither.
    Given an account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the response follows the "security-impersonation-privileges" behaviour, its modes answering:
      | mode              | status | code       |
      | intersection      | 403    | 0x80040220 |
      | impersonated-only | 403    | 0x80040220 |
    And under "security-impersonation-privileges" = "intersection", the customerid_account of opportunity "Big deal" is empty
    And under "security-impersonation-privileges" = "impersonated-only", the customerid_account of opportunity "Big deal" is empty

  @conflict @emulator-only
  Scenario: A privilege the impersonated user holds and the caller lacks follows security-impersonation-privileges
    On a live org the caller is the run's application user, who holds every privilege: only the emulator can make
    up a caller who lacks one.
    Given an account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvWriteOpportunity  | Global |
      | prvAppendOpportunity | Global |
      | prvReadAccount       | Global |
      | prvAppendToAccount   | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And a role "Delegate" in businessunit "Sales" granting prvActOnBehalfOfAnotherUser at Global depth
    And role "Delegate" also grants prvReadOpportunity at Global depth
    And role "Delegate" also grants prvWriteOpportunity at Global depth
    And role "Delegate" also grants prvAppendOpportunity at Global depth
    And role "Delegate" also grants prvReadAccount at Global depth
    And a systemuser "Carl" in businessunit "Sales" with role "Delegate"
    When signed in as Carl, as Dana, opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the response follows the "security-impersonation-privileges" behaviour
    And under "security-impersonation-privileges" = "impersonated-only", the customerid_account of opportunity "Big deal" is account "Contoso"
    And under "security-impersonation-privileges" = "intersection", the customerid_account of opportunity "Big deal" is empty

  @inferred @emulator-only
  Scenario: Switched to write-only, clearing a lookup needs Write alone
    Given the emulator behaviour "security-lookup-clear" is "write-only"
    And an account "Contoso"
    And the customerid_account of opportunity "Big deal" is bound to account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege           | depth  |
      | prvReadOpportunity  | Global |
      | prvWriteOpportunity | Global |
      | prvReadAccount      | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, the customerid_account of opportunity "Big deal" is removed
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is empty

  @conflict @emulator-only
  Scenario: Switched to appendto-target+append-related, an N:N link needs AppendTo on the row it is added to
    Given the emulator behaviour "security-nn-associate" is "appendto-target+append-related"
    And a competitor "Rival"
    And a role "Salesperson" in businessunit "Sales" granting:
      | privilege            | depth  |
      | prvReadOpportunity   | Global |
      | prvAppendOpportunity | Global |
      | prvReadCompetitor    | Global |
      | prvAppendCompetitor  | Global |
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, competitor "Rival" is added to the opportunitycompetitors_association of opportunity "Big deal"
    Then the request is refused: Dana lacks prvAppendToOpportunity
    And the opportunitycompetitors_association of opportunity "Big deal" are empty

  @inferred @emulator-only
  Scenario: Switched to 404, a row beyond the depth answers as if it did not exist
    Given the emulator behaviour "security-retrieve-inaccessible" is "404"
    And an account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting prvReadAccount at Basic depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    When as Dana, account "Contoso" is read
    Then the request fails with 404 and error code "0x80040217"

  @inferred @emulator-only
  Scenario: Switched to empty, a list without the Read privilege is empty
    Given the emulator behaviour "security-list-no-privilege" is "empty"
    And an account "Contoso"
    And a role "Salesperson" in businessunit "Sales" granting prvReadOpportunity at Global depth
    And a systemuser "Dana" in businessunit "Sales" with role "Salesperson"
    And the next request carries the header "MSCRMCallerID" with value "{Dana}"
    When I send GET "accounts/$count"
    Then the response status is 200
    And the response body is the count 0
