Feature: Reading related rows back the way client code queries them (Q3, Q4, Q5)
  A relationship is verified by reading it back; real clients filter on related rows, order and count.

  Background:
    Given an account "Contoso"
    And an account "Fabrikam"
    And a contact "Ann Archer"
    And a contact "Bob Brown"
    And a contact "Cy Cole"
    And contact "Ann Archer" is in the contact_customer_accounts of account "Contoso"
    And contact "Bob Brown" is in the contact_customer_accounts of account "Contoso"
    And contact "Cy Cole" is in the contact_customer_accounts of account "Fabrikam"

  Scenario: A collection navigation property read back in order, with its count
    When I send GET "accounts({Contoso})/contact_customer_accounts?$select=lastname&$orderby=lastname desc&$count=true"
    Then the response status is 200
    And the response JSON "'@odata.count'" is "2"
    And the response JSON "value[0].lastname" is "{name:Bob Brown}"
    And the response JSON "value[1].lastname" is "{name:Ann Archer}"

  Scenario: Accounts filtered on their related contacts with any
    When I send GET "accounts?$select=name&$filter=contact_customer_accounts/any(c: c/contactid eq {Cy Cole})"
    Then the response status is 200
    And the response JSON "value" has 1 item
    And the response JSON "value[0].name" is "{name:Fabrikam}"

  Scenario: Contacts filtered on a column of the account they belong to
    When I send GET "contacts?$select=lastname&$filter=parentcustomerid_account/accountid eq {Contoso}&$orderby=lastname"
    Then the response status is 200
    And the response JSON "value" has 2 items
    And the response JSON "value[0].lastname" is "{name:Ann Archer}"

  Scenario: Accounts without any related contact
    When I send GET "accounts?$select=name&$filter=not contact_customer_accounts/any() and (accountid eq {Contoso} or accountid eq {Fabrikam})"
    Then the response status is 200
    And the response JSON "value" has 0 items

  Scenario: The related rows, read back in the order asked for
    Then the contact_customer_accounts of account "Contoso", ordered by "lastname desc", are:
      | contact "Bob Brown"  |
      | contact "Ann Archer" |
    And the contact_customer_accounts of account "Contoso", ordered by "lastname", are:
      | contact "Ann Archer" |
      | contact "Bob Brown"  |

  Scenario: A collection expanded with its own filter and order
    When I send GET "accounts({Contoso})?$select=name&$expand=contact_customer_accounts($select=lastname;$filter=contains(lastname,'Brown') or contains(lastname,'Archer');$orderby=lastname desc)"
    Then the response status is 200
    And the response JSON "contact_customer_accounts" has 2 items
    And the response JSON "contact_customer_accounts[0].lastname" is "{name:Bob Brown}"

  Scenario: A client pages through a large collection with odata.maxpagesize and each page's nextLink
    Given an account "Contoso"
    And account "Contoso" has 23 contacts in its contact_customer_accounts
    Then the contact_customer_accounts of account "Contoso", read 5 at a time, hold 23 rows

  Scenario: A related collection read 2 at a time reaches every row through the nextLinks (Q2)
    Given an account "Contoso"
    And account "Contoso" has 5 contacts in its contact_customer_accounts
    Then the contact_customer_accounts of account "Contoso", read 2 at a time, hold 5 rows

  Scenario: A lookup's formatted value is the related row's name, and follows a rebind
    Given an account "Contoso"
    And an account "Fabrikam"
    And an opportunity "Big deal"
    And the customerid_account of opportunity "Big deal" is bound to account "Contoso"
    Then the customerid_account of opportunity "Big deal" is shown as "{name:Contoso}"
    When the customerid_account of opportunity "Big deal" is set to account "Fabrikam"
    Then the customerid_account of opportunity "Big deal" is shown as "{name:Fabrikam}"
