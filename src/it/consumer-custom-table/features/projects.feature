Feature: Projects belong to an account and have team members
  cr123_project is a custom table of this org: a lookup to account (cr123_AccountId) and an N:N to contact.

  Background:
    Given an account "Contoso"
    And a cr123_project "Migration"
    And a contact "Ann"

  Scenario: A project is added to its account's projects
    When cr123_project "Migration" is added to the cr123_account_cr123_project of account "Contoso"
    Then the request succeeds with 204 No Content
    And the cr123_AccountId of cr123_project "Migration" is account "Contoso"

  Scenario: A project's account is set with PUT $ref
    When the cr123_AccountId of cr123_project "Migration" is set to account "Contoso"
    Then the request succeeds with 204 No Content
    And the cr123_account_cr123_project of account "Contoso" contain cr123_project "Migration"

  Scenario: A contact joins the project team through the N:N relationship
    When contact "Ann" is added to the cr123_project_contact of cr123_project "Migration"
    Then the request succeeds with 204 No Content
    And the cr123_project_contact of contact "Ann" contain cr123_project "Migration"

  Scenario: A project is created bound to its account
    When a cr123_project "Rollout" is created with its cr123_AccountId bound to account "Contoso"
    Then the request succeeds with 204 No Content
    And the cr123_AccountId of cr123_project "Rollout" is account "Contoso"
