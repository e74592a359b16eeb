Feature: A self-referencing hierarchy refuses loops
  "Creating this parental association would create a loop in Accounts hierarchy." (0x80040507, D15; C3)

  Background:
    Given an account "Contoso"
    And an account "Contoso Europe"
    And the parentaccountid of account "Contoso Europe" is bound to account "Contoso"

  @inferred
  Scenario: Making an account its own parent is refused
    When the parentaccountid of account "Contoso" is set to account "Contoso"
    Then the request fails with 400 and error code "0x80040507"
    And the parentaccountid of account "Contoso" is empty

  @inferred
  Scenario: Making an account the child of its own child is refused and changes nothing
    When the parentaccountid of account "Contoso" is set to account "Contoso Europe"
    Then the request fails with 400 and error code "0x80040507"
    And the parentaccountid of account "Contoso" is empty
    And the parentaccountid of account "Contoso Europe" is account "Contoso"

  @inferred
  Scenario: The loop is refused the same way through the parent's collection
    When account "Contoso" is added to the account_parent_account of account "Contoso Europe"
    Then the request fails with 400 and error code "0x80040507"

  @inferred
  Scenario: The loop is refused the same way through PATCH
    When account "Contoso" is updated with its parentaccountid bound to account "Contoso Europe"
    Then the request fails with 400 and error code "0x80040507"
    And the parentaccountid of account "Contoso" is empty
