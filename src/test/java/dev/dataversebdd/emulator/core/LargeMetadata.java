package dev.dataversebdd.emulator.core;

/** Generates a CSDL document in Dataverse's form with {@code tables} tables, for load tests and benchmarks. */
public final class LargeMetadata {

    private LargeMetadata() {
    }

    public static String generate(int tables) {
        StringBuilder xml = new StringBuilder(tables * 4_000);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<edmx:Edmx Version=\"4.0\" "
                + "xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices>"
                + "<Schema Namespace=\"Microsoft.Dynamics.CRM\" Alias=\"mscrm\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">"
                + "<EntityType Name=\"crmbaseentity\" Abstract=\"true\"/>\n");
        for (int i = 0; i < tables; i++) {
            String name = "new_table" + i;
            String parent = "new_table" + (i == 0 ? 0 : i - 1);
            xml.append("<EntityType Name=\"").append(name).append("\" BaseType=\"mscrm.crmbaseentity\">")
                    .append("<Key><PropertyRef Name=\"").append(name).append("id\"/></Key>")
                    .append("<Property Name=\"").append(name).append("id\" Type=\"Edm.Guid\"/>")
                    .append("<Property Name=\"new_name\" Type=\"Edm.String\"/>");
            for (int c = 0; c < 40; c++) {
                xml.append("<Property Name=\"new_column").append(c).append("\" Type=\"Edm.String\">")
                        .append("<Annotation Term=\"Org.OData.Core.V1.Description\" String=\"column ").append(c)
                        .append("\"/></Property>");
            }
            xml.append("<Property Name=\"_").append(name).append("_parent_value\" Type=\"Edm.Guid\"/>")
                    .append("<NavigationProperty Name=\"").append(name).append("_parent\" Type=\"mscrm.").append(parent)
                    .append("\" Partner=\"").append(parent).append("_children\"><ReferentialConstraint Property=\"_")
                    .append(name).append("_parent_value\" ReferencedProperty=\"").append(parent).append("id\"/>")
                    .append("</NavigationProperty>")
                    .append("<NavigationProperty Name=\"").append(name).append("_children\" Type=\"Collection(mscrm.")
                    .append("new_table").append(i + 1 < tables ? i + 1 : i).append(")\" Partner=\"new_table")
                    .append(i + 1 < tables ? i + 1 : i).append("_parent\"/>");
            for (int n = 0; n < 6; n++) {
                String other = "new_table" + ((i + n + 2) % tables);
                xml.append("<NavigationProperty Name=\"new_nn_").append(n).append("_").append(Math.min(i, (i + n + 2) % tables))
                        .append("\" Type=\"Collection(mscrm.").append(other).append(")\" Partner=\"new_nn_").append(n)
                        .append("_").append(Math.min(i, (i + n + 2) % tables)).append("\"/>");
            }
            xml.append("</EntityType>\n");
        }
        xml.append("<EntityContainer Name=\"System\">");
        for (int i = 0; i < tables; i++) {
            xml.append("<EntitySet Name=\"new_table").append(i).append("s\" EntityType=\"mscrm.new_table").append(i).append("\"/>");
        }
        xml.append("</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>\n");
        return xml.toString();
    }
}
