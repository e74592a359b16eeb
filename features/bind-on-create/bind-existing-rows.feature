Feature: Associate on create with @odata.bind
  "To associate new entities to existing entities when they are created you must set the value of navigation
  properties using the @odata.bind annotation." (D3) A single-valued property takes one URL, a collection-valued
  one an array of URLs. Without Prefer the answer is 204 with OData-EntityId; with return=representation, 201.

  Background:
    Given an account "Contoso"

  Scenario: Creating a contact bound to a parent account answers 204 with OData-EntityId
    When a contact "Ann" is created with its parentcustomerid_account bound to account "Contoso"
    Then the request succeeds with 204 No Content
    And the parentcustomerid_account of contact "Ann" is account "Contoso"
    And the contact_customer_accounts of account "Contoso" contain contact "Ann"

  Scenario: Creating an account bound to several existing tasks re-points each task (D3)
    Given a task "Call back"
    And a task "Send offer"
    When an account "Sample Account" is created with its Account_Tasks bound to:
      | task "Call back"  |
      | task "Send offer" |
    Then the request succeeds with 204 No Content
    And the Account_Tasks of account "Sample Account" hold 2 rows
    And the regardingobjectid_account_task of task "Send offer" is account "Sample Account"

  Scenario: D3's create with binds and return=representation answers 201 with the expanded row
    Given a contact "Rene Valdes"
    And a task "Call back"
    And the next request carries the header "Prefer" with value "return=representation"
    When I send POST "accounts?$select=name&$expand=primarycontactid($select=fullname),Account_Tasks($select=subject)" with body:
      """
      {
        "name": "Sample Account",
        "primarycontactid@odata.bind": "/contacts({Rene Valdes})",
        "Account_Tasks@odata.bind": ["/tasks({Call back})"]
      }
      """
    Then the response status is 201
    And the response header "Preference-Applied" is "return=representation"
    And the response has no header "OData-EntityId"
    And the response JSON "name" is "Sample Account"
    And the response JSON "primarycontactid.fullname" is "{name:Rene Valdes}"
    And the response JSON "Account_Tasks" has 1 item
    And the response JSON "'@odata.context'" ends with "$metadata#accounts(name,primarycontactid(fullname),Account_Tasks(subject))/$entity"

  Scenario: An absolute bind URL works as well as a root-relative one (D10)
    When I send POST "contacts" with body:
      """
      {"lastname": "Absolute", "parentcustomerid_account@odata.bind": "{root}/accounts({Contoso})"}
      """
    Then the response status is 204
    And the created row is called "Absolute"
    And the parentcustomerid_account of contact "Absolute" is account "Contoso"

  Scenario: A bind with the GUID in upper case names the same row (O2)
    When I send POST "contacts" with body:
      """
      {"lastname": "Upper", "parentcustomerid_account@odata.bind": "/accounts({upper:Contoso})"}
      """
    Then the response status is 204
    And the created row is called "Upper"
    And the parentcustomerid_account of contact "Upper" is account "Contoso"

  Scenario: A relative bind URL without leading slash works (D1, D3 InitializeFrom)
    When I send POST "contacts" with body:
      """
      {"lastname": "Relative", "parentcustomerid_account@odata.bind": "accounts({Contoso})"}
      """
    Then the response status is 204
    And the created row is called "Relative"
    And the parentcustomerid_account of contact "Relative" is account "Contoso"

  Scenario: An account can be named by its alternate key in a bind (D12)
    Given an account "Keyed" with:
      | accountnumber | ABC123 |
    When I send POST "contacts" with body:
      """
      {"lastname": "By key", "parentcustomerid_account@odata.bind": "/accounts(accountnumber='ABC123')"}
      """
    Then the response status is 204
    And the created row is called "By key"
    And the parentcustomerid_account of contact "By key" is account "Keyed"

  @inferred
  Scenario: Competitors can be bound to a new opportunity through the N:N navigation property
    Given a competitor "Rival"
    When an opportunity "Big deal" is created with its opportunitycompetitors_association bound to:
      | competitor "Rival" |
    Then the request succeeds with 204 No Content
    And the opportunitycompetitors_association of competitor "Rival" contain opportunity "Big deal"
