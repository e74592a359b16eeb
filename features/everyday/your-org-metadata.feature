Feature: A team's own tables beside the built-in samples, in one suite
  A scenario tagged `@metadata-dir:<folder>` runs on an emulator loaded from that capture of an org (what metadata
  pull writes), while the rest of the suite keeps the built-in schema. Here it is the custom-table consumer's org,
  whose captured relationship definitions make the account-to-project relationship parental: its $metadata alone
  could not say so (D23, D24).

  @emulator-only @metadata-dir:src/it/consumer-custom-table/metadata/capture
  Scenario: Deleting an account deletes its projects, as the captured org's cascade configuration says
    Given an account "Contoso"
    And a cr123_project "Migration"
    And the cr123_AccountId of cr123_project "Migration" is bound to account "Contoso"
    When I send DELETE "accounts({Contoso})"
    Then the response status is 204
    And cr123_project "Migration" no longer exists

  @emulator-only @metadata-dir:src/it/consumer-custom-table/metadata/capture
  Scenario: The captured definitions give the project table its primary name column and ownership
    When I send GET "EntityDefinitions(LogicalName='cr123_project')?$select=PrimaryNameAttribute,OwnershipType"
    Then the response status is 200
    And the response JSON "PrimaryNameAttribute" is "cr123_name"
    And the response JSON "OwnershipType" is "UserOwned"
