Feature: Reading rows with FetchXML, as much Dataverse code does (F1-F7)
  FetchXML is sent as `GET {set}?fetchXml=...` and answers without a property for an empty column. It is how code
  joins through an N:N intersect, finds rows without a link, counts per parent and pages with the paging cookie.

  Background:
    Given an account "Contoso"
    And an account "Fabrikam"
    And a contact "Ann Archer"
    And a contact "Bob Brown"
    And contact "Ann Archer" is in the contact_customer_accounts of account "Contoso"
    And contact "Bob Brown" is in the contact_customer_accounts of account "Contoso"

  Scenario: An N:N relationship read through its intersect entity
    Given an opportunity "Big deal"
    And a competitor "Rival A"
    And a competitor "Rival B"
    And competitor "Rival A" is in the opportunitycompetitors_association of opportunity "Big deal"
    And competitor "Rival B" is in the opportunitycompetitors_association of opportunity "Big deal"
    When I fetch:
      """
      <fetch>
        <entity name='opportunity'>
          <attribute name='name' />
          <filter><condition attribute='opportunityid' operator='eq' value='{Big deal}' /></filter>
          <link-entity name='opportunitycompetitors' from='opportunityid' to='opportunityid' intersect='true'>
            <link-entity name='competitor' from='competitorid' to='competitorid' alias='rival'>
              <attribute name='name' />
            </link-entity>
          </link-entity>
        </entity>
      </fetch>
      """
    Then the fetch returns 2 rows
    And the fetch returns opportunity "Big deal"
    And the fetch returns a row with:
      | name       | {name:Big deal} |
      | rival.name | {name:Rival A}  |
    And the fetch returns a row with:
      | rival.name | {name:Rival B} |

  Scenario: An outer join finds the accounts without a contact
    When I fetch:
      """
      <fetch>
        <entity name='account'>
          <attribute name='name' />
          <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='outer' alias='c' />
          <filter>
            <condition attribute='accountid' operator='in'><value>{Contoso}</value><value>{Fabrikam}</value></condition>
            <condition entityname='c' attribute='contactid' operator='null' />
          </filter>
        </entity>
      </fetch>
      """
    Then the fetch returns 1 row
    And the fetch returns account "Fabrikam"
    And the fetch does not return account "Contoso"

  Scenario: An aggregate counts the contacts of each account
    Given a contact "Cy Cole"
    And contact "Cy Cole" is in the contact_customer_accounts of account "Fabrikam"
    When I fetch:
      """
      <fetch aggregate='true'>
        <entity name='contact'>
          <attribute name='contactid' alias='contacts' aggregate='count' />
          <attribute name='parentcustomerid' alias='account' groupby='true' />
          <filter>
            <condition attribute='parentcustomerid' operator='in'><value>{Contoso}</value><value>{Fabrikam}</value></condition>
          </filter>
        </entity>
      </fetch>
      """
    Then the fetch returns 2 rows
    And the fetch returns a row with:
      | account  | {Contoso} |
      | contacts | 2         |
    And the fetch returns a row with:
      | account  | {Fabrikam} |
      | contacts | 1          |

  Scenario: A client pages through a large set with count, page and the paging cookie
    Given account "Fabrikam" has 23 contacts in its contact_customer_accounts
    When I page through the fetch, 5 rows at a time:
      """
      <fetch>
        <entity name='contact'>
          <attribute name='lastname' />
          <order attribute='contactid' />
          <filter><condition attribute='parentcustomerid' operator='eq' value='{Fabrikam}' /></filter>
        </entity>
      </fetch>
      """
    Then the fetch returns 23 rows
    And the fetch read 5 pages
