using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator.Json;

/// <summary>
/// Writes the simulator's objects in the shapes of Okta's OpenAPI contract
/// (<c>User</c>, <c>Group</c>, <c>Application</c>, <c>AppUser</c>, <c>ApplicationGroupAssignment</c>, <c>Error</c>).
/// </summary>
internal static class OktaJsonWriter
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteError(Utf8JsonWriter w, OktaError error, string errorId)
    {
        w.WriteStartObject();
        w.WriteString("errorCode", error.ErrorCode);
        w.WriteString("errorSummary", error.ErrorSummary);
        w.WriteString("errorLink", error.ErrorCode);
        w.WriteString("errorId", errorId);
        w.WriteStartArray("errorCauses");
        foreach (var cause in error.Causes ?? [])
        {
            w.WriteStartObject();
            w.WriteString("errorSummary", cause);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteOrg(Utf8JsonWriter w, SimOrg org, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", org.Id);
        w.WriteString("companyName", org.CompanyName);
        w.WriteString("subdomain", org.Subdomain);
        w.WriteString("status", "ACTIVE");
        w.WriteString("website", "https://example.com");
        w.WriteString("created", Timestamp(org.Created));
        w.WriteString("lastUpdated", Timestamp(org.Created));
        w.WriteStartObject("_links");
        WriteHref(w, "self", baseUrl + "/api/v1/org");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteUser(Utf8JsonWriter w, SimUser user, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", user.Id);
        w.WriteString("status", user.Status);
        w.WriteString("created", Timestamp(user.Created));
        if (user.Status == UserStatus.Staged)
        {
            w.WriteNull("activated");
        }
        else
        {
            w.WriteString("activated", Timestamp(user.Created));
        }

        w.WriteString("statusChanged", Timestamp(user.LastUpdated));
        w.WriteNull("lastLogin");
        w.WriteString("lastUpdated", Timestamp(user.LastUpdated));
        w.WriteNull("passwordChanged");
        w.WriteStartObject("type");
        w.WriteString("id", "oty1simulatedusertype");
        w.WriteEndObject();
        w.WriteStartObject("profile");
        w.WriteString("firstName", user.FirstName);
        w.WriteString("lastName", user.LastName);
        w.WriteNull("mobilePhone");
        w.WriteString("secondEmail", user.SecondEmail);
        w.WriteString("login", user.Login);
        w.WriteString("email", user.Email);
        w.WriteEndObject();
        w.WriteStartObject("credentials");
        w.WriteStartObject("provider");
        w.WriteString("type", "OKTA");
        w.WriteString("name", "OKTA");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("_links");
        WriteHref(w, "self", $"{baseUrl}/api/v1/users/{user.Id}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteGroup(Utf8JsonWriter w, SimGroup group, string baseUrl, GroupEmbeds? embeds = null)
    {
        w.WriteStartObject();
        w.WriteString("id", group.Id);
        w.WriteString("created", Timestamp(group.Created));
        w.WriteString("lastUpdated", Timestamp(group.LastUpdated));
        w.WriteString("lastMembershipUpdated", Timestamp(group.LastMembershipUpdated));
        w.WriteStartArray("objectClass");
        w.WriteStringValue(group.Type == GroupType.AppGroup ? "okta:windows_security_principal" : "okta:user_group");
        w.WriteEndArray();
        w.WriteString("type", group.Type);
        w.WriteStartObject("profile");
        w.WriteString("name", group.Name);
        w.WriteString("description", group.Description);
        w.WriteEndObject();
        w.WriteStartObject("_links");
        WriteHref(w, "self", $"{baseUrl}/api/v1/groups/{group.Id}");
        WriteHref(w, "users", $"{baseUrl}/api/v1/groups/{group.Id}/users");
        WriteHref(w, "apps", $"{baseUrl}/api/v1/groups/{group.Id}/apps");
        if (group.SourceAppId is not null)
        {
            // Group._links.source: "the source app of groups with type APP_GROUP" (listGroups example).
            WriteHref(w, "source", $"{baseUrl}/api/v1/apps/{group.SourceAppId}");
        }

        w.WriteEndObject();
        if (embeds is { IsEmpty: false })
        {
            w.WriteStartObject("_embedded");
            if (embeds.Stats is { } stats)
            {
                w.WriteStartObject("stats");
                w.WriteNumber("usersCount", stats.UsersCount);
                w.WriteNumber("appsCount", stats.AppsCount);
                w.WriteNumber("groupPushMappingsCount", stats.GroupPushMappingsCount);
                w.WriteBoolean("hasAdminPrivlege", stats.HasAdminPrivilege);
                w.WriteEndObject();
            }

            if (embeds.SourceApp is { } app)
            {
                w.WriteStartObject("app");
                w.WriteString("id", app.Id);
                w.WriteString("name", app.Name);
                w.WriteString("label", app.Label);
                w.WriteString("signOnMode", app.SignOnMode);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void WriteApp(Utf8JsonWriter w, SimApp app, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", app.Id);
        w.WriteString("name", app.Name);
        w.WriteString("label", app.Label);
        w.WriteString("status", app.Status);
        w.WriteString("signOnMode", app.SignOnMode);
        w.WriteString("created", Timestamp(app.Created));
        w.WriteString("lastUpdated", Timestamp(app.LastUpdated));
        w.WriteStartObject("accessibility");
        w.WriteBoolean("selfService", false);
        w.WriteNull("errorRedirectUrl");
        w.WriteNull("loginRedirectUrl");
        w.WriteEndObject();
        w.WriteStartObject("visibility");
        w.WriteBoolean("autoSubmitToolbar", false);
        w.WriteStartObject("hide");
        w.WriteBoolean("iOS", false);
        w.WriteBoolean("web", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("features");
        w.WriteEndArray();
        w.WriteStartObject("settings");
        if (app.SettingsApp is not null)
        {
            w.WritePropertyName("app");
            app.SettingsApp.WriteTo(w);
        }

        w.WriteStartObject("notifications");
        w.WriteStartObject("vpn");
        w.WriteStartObject("network");
        w.WriteString("connection", "DISABLED");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        if (app.IsAws)
        {
            w.WriteStartObject("signOn");
            w.WriteString("defaultRelayState", string.Empty);
            w.WriteString("ssoAcsUrl", "https://signin.aws.amazon.com/saml");
            w.WriteString("audience", "urn:amazon:webservices");
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("_links");
        WriteHref(w, "self", $"{baseUrl}/api/v1/apps/{app.Id}");
        WriteHref(w, "users", $"{baseUrl}/api/v1/apps/{app.Id}/users");
        WriteHref(w, "groups", $"{baseUrl}/api/v1/apps/{app.Id}/groups");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteAppUser(Utf8JsonWriter w, SimApp app, DerivedAppUser appUser, bool expandUser, string baseUrl)
    {
        var user = appUser.User;
        w.WriteStartObject();
        w.WriteString("id", user.Id);
        w.WriteNull("externalId");
        w.WriteString("created", Timestamp(appUser.Created));
        w.WriteString("lastUpdated", Timestamp(appUser.LastUpdated));
        w.WriteString("scope", appUser.Scope);
        w.WriteString("status", AppUserStatus(user.Status));
        w.WriteString("statusChanged", Timestamp(appUser.LastUpdated));
        w.WriteNull("passwordChanged");
        w.WriteString("syncState", "DISABLED");
        w.WriteStartObject("credentials");
        w.WriteString("userName", user.Login);
        w.WriteEndObject();
        w.WritePropertyName("profile");
        appUser.Profile.WriteTo(w);
        w.WriteStartObject("_links");
        WriteHref(w, "app", $"{baseUrl}/api/v1/apps/{app.Id}");
        WriteHref(w, "user", $"{baseUrl}/api/v1/users/{user.Id}");
        w.WriteEndObject();
        if (expandUser)
        {
            w.WriteStartObject("_embedded");
            w.WritePropertyName("user");
            WriteUser(w, user, baseUrl);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void WriteGroupAssignment(Utf8JsonWriter w, SimApp app, SimAppGroupAssignment assignment, SimGroup? embedGroup, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", assignment.GroupId);
        w.WriteString("lastUpdated", Timestamp(assignment.LastUpdated));
        w.WriteNumber("priority", assignment.Priority);
        w.WritePropertyName("profile");
        assignment.Profile.WriteTo(w);
        w.WriteStartObject("_links");
        WriteHref(w, "app", $"{baseUrl}/api/v1/apps/{app.Id}");
        WriteHref(w, "self", $"{baseUrl}/api/v1/apps/{app.Id}/groups/{assignment.GroupId}");
        WriteHref(w, "group", $"{baseUrl}/api/v1/groups/{assignment.GroupId}");
        w.WriteEndObject();
        if (embedGroup is not null)
        {
            w.WriteStartObject("_embedded");
            w.WritePropertyName("group");
            WriteGroup(w, embedGroup, baseUrl);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The default app user schema; <c>samlRoles.union</c> is what the connector reads.</summary>
    public static void WriteAppUserSchema(Utf8JsonWriter w, SimApp app, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", $"{baseUrl}/meta/schemas/apps/{app.Id}/default");
        w.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
        w.WriteString("name", app.Name);
        w.WriteString("title", app.Label + " User");
        w.WriteString("created", Timestamp(app.Created));
        w.WriteString("lastUpdated", Timestamp(app.LastUpdated));
        w.WriteStartObject("definitions");
        w.WriteStartObject("base");
        w.WriteString("id", "#base");
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        w.WriteStartObject("userName");
        w.WriteString("title", "Username");
        w.WriteString("type", "string");
        w.WriteBoolean("required", true);
        w.WriteString("scope", "NONE");
        w.WriteEndObject();
        if (app.IsAws)
        {
            // The AWS app's two role attributes: the single-valued "Role" drop-down (all IAM roles Okta read from
            // the account) and the multi-valued "SAML User Roles" (roles that trust the SAML provider). Only the
            // array attribute carries a group-priority "union" setting; a string attribute has none
            // (https://help.okta.com/en-us/content/topics/users-groups-profiles/usgp-assign-app-group-priority.htm).
            w.WriteStartObject(DefaultRole.PropertyName);
            w.WriteString("title", "Role");
            w.WriteString("type", "string");
            var roleChoices = RoleChoices(app.RoleList);
            if (roleChoices.Count > 0)
            {
                w.WriteStartArray("enum");
                foreach (var role in roleChoices)
                {
                    w.WriteStringValue(role);
                }

                w.WriteEndArray();
            }

            w.WriteString("scope", "NONE");
            w.WriteStartObject("master");
            w.WriteString("type", "PROFILE_MASTER");
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("samlRoles");
            w.WriteString("title", "SAML User Roles");
            w.WriteString("type", "array");
            w.WriteStartObject("items");
            w.WriteString("type", "string");
            w.WriteStartArray("enum");
            foreach (var role in app.RoleList.SamlIamRoles)
            {
                w.WriteStringValue(role);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("union", app.SamlRolesUnion ? "ENABLE" : "DISABLE");
            w.WriteString("scope", "NONE");
            w.WriteStartObject("master");
            w.WriteString("type", "PROFILE_MASTER");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("required");
        w.WriteStringValue("userName");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("custom");
        w.WriteString("id", "#custom");
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        w.WriteStartObject("profile");
        w.WriteStartArray("allOf");
        w.WriteStartObject();
        w.WriteString("$ref", "#/definitions/base");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("$ref", "#/definitions/custom");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// The Role drop-down offers every IAM role Okta read from the account. A SAML role is an IAM role too, so a
    /// fixture that lists only SAML roles still gets them offered here.
    /// </summary>
    private static List<string> RoleChoices(AwsRoleList roles)
    {
        var choices = new List<string>(roles.IamRoles);
        foreach (var role in roles.SamlIamRoles)
        {
            if (!choices.Contains(role, StringComparer.Ordinal))
            {
                choices.Add(role);
            }
        }

        return choices;
    }

    public static void WriteRoleList(Utf8JsonWriter w, AwsRoleList roles)
    {
        w.WriteStartObject();
        w.WriteStartArray("AWSEnvironmentEnum");
        w.WriteStringValue("aws.amazon");
        w.WriteEndArray();
        w.WriteStartArray("SamlIamRole");
        foreach (var role in roles.SamlIamRoles)
        {
            w.WriteStringValue(role);
        }

        w.WriteEndArray();
        w.WriteStartArray("IamRole");
        foreach (var role in roles.IamRoles)
        {
            w.WriteStringValue(role);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteNode(Utf8JsonWriter w, JsonNode? node)
    {
        if (node is null)
        {
            w.WriteNullValue();
        }
        else
        {
            node.WriteTo(w);
        }
    }

    private static string AppUserStatus(string userStatus) => userStatus switch
    {
        UserStatus.Suspended => "SUSPENDED",
        UserStatus.Deprovisioned => "INACTIVE",
        UserStatus.Staged or UserStatus.Provisioned => "PENDING",
        _ => "ACTIVE",
    };

    private static void WriteHref(Utf8JsonWriter w, string name, string href)
    {
        w.WriteStartObject(name);
        w.WriteString("href", href);
        w.WriteEndObject();
    }
}
