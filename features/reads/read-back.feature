Feature: The reads that verify an association (D6, D10)

  Background:
    Given an account "Contoso"
    And a contact "Rene Valdes"
    And an opportunity "Big deal"
    And the primarycontactid of account "Contoso" is bound to contact "Rene Valdes"
    And opportunity "Big deal" is in the opportunity_customer_accounts of account "Contoso"

  Scenario: The lookup property carries the associated row's id
    When I send GET "opportunities({Big deal})?$select=_customerid_value"
    Then the response status is 200
    And the response JSON "_customerid_value" is "{Contoso}"
    And the response JSON "opportunityid" is "{Big deal}"

  Scenario: A lookup without a value reads as null
    When I send GET "opportunities({Big deal})?$select=_parentaccountid_value"
    Then the response status is 200
    And the response JSON "_parentaccountid_value" is null

  Scenario: A row reads with its version as @odata.etag (D6, D9)
    When I send GET "opportunities({Big deal})?$select=name"
    Then the response status is 200
    And the response JSON "'@odata.etag'" starts with "W/\""

  Scenario: Each row of a collection read carries its @odata.etag too (D9)
    When I send GET "opportunities?$select=name&$filter=opportunityid eq {Big deal}"
    Then the response status is 200
    And the response JSON "value[0].'@odata.etag'" starts with "W/\""

  Scenario: Lookup annotations say which navigation property and table a multi-table lookup uses
    When I send GET "opportunities({Big deal})?$select=_customerid_value" with headers:
      | Prefer | odata.include-annotations="*" |
    Then the response status is 200
    And the response JSON "'_customerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty'" is "customerid_account"
    And the response JSON "'_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname'" is "account"
    And the response JSON "'_customerid_value@OData.Community.Display.V1.FormattedValue'" is "{name:Contoso}"

  Scenario: $ref lists the related rows as absolute @odata.id URLs
    When I send GET "accounts({Contoso})/opportunity_customer_accounts/$ref"
    Then the response status is 200
    And the response JSON "'@odata.context'" is "{root}/$metadata#Collection($ref)"
    And the response JSON "value[0].'@odata.id'" is "{root}/opportunities({Big deal})"

  Scenario: An N:N $ref lists the related rows as absolute @odata.id URLs too
    Given a competitor "Rival"
    And competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"
    When I send GET "opportunities({Big deal})/opportunitycompetitors_association/$ref"
    Then the response status is 200
    And the response JSON "value[0].'@odata.id'" is "{root}/competitors({Rival})"

  Scenario: $count answers the number of related rows as text after a byte order mark
    When I send GET "accounts({Contoso})/opportunity_customer_accounts/$count"
    Then the response status is 200
    And the response body is the count 1

  Scenario: An N:N collection expands with a nested $select (D10 step 7)
    Given a competitor "Rival"
    And competitor "Rival" is in the opportunitycompetitors_association of opportunity "Big deal"
    When I send GET "competitors({Rival})?$select=name&$expand=opportunitycompetitors_association($select=name,description)"
    Then the response status is 200
    And the response JSON "opportunitycompetitors_association[0].name" is "{name:Big deal}"
    And the response JSON "opportunitycompetitors_association[0].opportunityid" is "{Big deal}"

  Scenario: A single-valued navigation property reads as the related row
    When I send GET "accounts({Contoso})/primarycontactid?$select=fullname"
    Then the response status is 200
    And the response JSON "fullname" is "{name:Rene Valdes}"
    And the response JSON "'@odata.context'" is "{root}/$metadata#contacts(fullname)/$entity"

  @inferred
  Scenario: An empty single-valued navigation property reads as 204 No Content (OData)
    When I send GET "opportunities({Big deal})/parentaccountid"
    Then the response status is 204

  Scenario: $expand with a nested $select returns the related row inline (unencoded query text)
    When I send GET "accounts({Contoso})?$select=name&$expand=primarycontactid($select=contactid,fullname),opportunity_customer_accounts($select=name)"
    Then the response status is 200
    And the response JSON "primarycontactid.fullname" is "{name:Rene Valdes}"
    And the response JSON "opportunity_customer_accounts[0].name" is "{name:Big deal}"

  Scenario: $expand=nav/$ref returns the reference only
    When I send GET "accounts({Contoso})?$select=name&$expand=primarycontactid/$ref"
    Then the response status is 200
    And the response JSON "'primarycontactid'.'@odata.id'" is "{root}/contacts({Rene Valdes})"
    And the response JSON "_primarycontactid_value" is "{Rene Valdes}"
    And the response JSON "'@odata.context'" is "{root}/$metadata#accounts(name,primarycontactid)/$entity"

  Scenario: $filter on a lookup property finds the related rows
    When I send GET "opportunities?$select=name&$filter=_customerid_value eq {Contoso} and name eq '{name:Big deal}'"
    Then the response status is 200
    And the response JSON "value" has 1 item
    And the response JSON "value[0].opportunityid" is "{Big deal}"

  Scenario: Collection reads project the selected columns and always return the key
    When I send GET "accounts({Contoso})/opportunity_customer_accounts?$select=name"
    Then the response status is 200
    And the response JSON "value[0].name" is "{name:Big deal}"
    And the response JSON "value[0].opportunityid" is "{Big deal}"
    And the response JSON "'@odata.context'" is "{root}/$metadata#opportunities(name)"

  Scenario: Deleting the account cascades to its opportunities and removes the link of its contact
    When I send DELETE "accounts({Contoso})"
    Then the response status is 204
    And opportunity "Big deal" no longer exists
    And contact "Rene Valdes" still exists
