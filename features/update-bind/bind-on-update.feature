Feature: Associate on update with PATCH and @odata.bind
  "You can associate rows on update ... but you must use the @odata.bind annotation to set the value of a
  single-valued navigation property." (D1, D18) The answer is 204; D2 also shows OData-EntityId.

  Background:
    Given an account "Contoso"
    And an opportunity "Big deal"

  Scenario: Binding the customer of an opportunity answers 204 and sets the lookup
    When opportunity "Big deal" is updated with its customerid_account bound to account "Contoso"
    Then the request succeeds with 204 No Content
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  @seed-v9.0
  Scenario: The v9.0 request of the 2021 documentation, with a relative bind URL, answers 204
    When I send PATCH "/api/data/v9.0/opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind":"accounts({Contoso})"}
      """
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the response body is empty
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  @seed-v8.2
  Scenario: The v8.2 request of the CRM 2016 documentation, with an absolute bind URL, answers 204
    When I send PATCH "/api/data/v8.2/opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind":"{host}/api/data/v8.2/accounts({Contoso})"}
      """
    Then the response status is 204
    And the response header "OData-Version" is "4.0"
    And the customerid_account of opportunity "Big deal" is account "Contoso"

  Scenario: D2's PATCH with If-Match and If-None-Match answers 204 with OData-EntityId
    Given a contact "Peter Cambel"
    And the next request carries the header "If-Match" with value "*"
    And the next request carries the header "If-None-Match" with value "null"
    When I send PATCH "contacts({Peter Cambel})" with body:
      """
      {"parentcustomerid_account@odata.bind":"{root}/accounts({Contoso})"}
      """
    Then the response status is 204
    And the response header "OData-EntityId" is "{root}/contacts({Peter Cambel})"
    And the parentcustomerid_account of contact "Peter Cambel" is account "Contoso"

  Scenario: PATCH with return=representation answers 200 with the updated row (D4, D5)
    Given the next request carries the header "Prefer" with value "return=representation"
    When I send PATCH "opportunities({Big deal})?$select=name,_customerid_value" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})"}
      """
    Then the response status is 200
    And the response header "Preference-Applied" is "return=representation"
    And the response JSON "_customerid_value" is "{Contoso}"
    And the response JSON "name" is "{name:Big deal}"

  Scenario: Several binds in one PATCH are applied together
    Given an account "Parent"
    When I send PATCH "opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})", "parentaccountid@odata.bind": "/accounts({Parent})"}
      """
    Then the response status is 204
    And the customerid_account of opportunity "Big deal" is account "Contoso"
    And the parentaccountid of opportunity "Big deal" is account "Parent"

  Scenario: A PATCH with one bad bind changes nothing at all
    Given an account "Parent"
    When I send PATCH "opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})", "parentaccountid@odata.bind": "/accounts({missing})"}
      """
    Then the request fails with 404 and error code "0x80040217"
    And the customerid_account of opportunity "Big deal" is empty

  Scenario: A PATCH that fails on its last bind writes neither the binds nor the columns before it
    When I send PATCH "opportunities({Big deal})" with body:
      """
      {"customerid_account@odata.bind": "/accounts({Contoso})", "name": "Renamed",
       "parentaccountid@odata.bind": "/accounts({missing})"}
      """
    Then the request fails with 404 and error code "0x80040217"
    And the customerid_account of opportunity "Big deal" is empty
    And the opportunity_customer_accounts of account "Contoso" are empty

  @inferred
  Scenario: Binding a collection-valued navigation property in PATCH is refused
    Given a task "Call back"
    When I send PATCH "accounts({Contoso})" with body:
      """
      {"Account_Tasks@odata.bind": ["/tasks({Call back})"]}
      """
    Then the request fails with 400
    And the Account_Tasks of account "Contoso" are empty

  @inferred
  Scenario: Nested rows in PATCH (deep update) are refused
    When I send PATCH "accounts({Contoso})" with body:
      """
      {"primarycontactid": {"lastname": "Nested"}}
      """
    Then the request fails with 400
    And the primarycontactid of account "Contoso" is empty
