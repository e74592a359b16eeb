Feature: dataverse-bdd's steps under cucumber-spring

  Scenario: An opportunity is associated to an account
    Given an account "Contoso"
    And an opportunity "Big deal"
    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: Each scenario gets its own World: the previous scenario's rows were removed at its end
    When I send GET "accounts?$select=name"
    Then the response JSON "value" has 0 items

  Scenario: A team's own step shares the scenario's World
    Given our usual account
    When I send GET "accounts?$select=name"
    Then the response JSON "value" has 1 item
