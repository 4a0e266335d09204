using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>Source-generated serializers for every Okta shape the client reads or writes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OktaApplication))]
[JsonSerializable(typeof(List<OktaApplication>))]
[JsonSerializable(typeof(OktaAppUserSchema))]
[JsonSerializable(typeof(AwsRoleListResponse))]
[JsonSerializable(typeof(OktaUser))]
[JsonSerializable(typeof(List<OktaUser>))]
[JsonSerializable(typeof(OktaGroup))]
[JsonSerializable(typeof(List<OktaGroup>))]
[JsonSerializable(typeof(OktaAppUser))]
[JsonSerializable(typeof(List<OktaAppUser>))]
[JsonSerializable(typeof(OktaAppGroupAssignment))]
[JsonSerializable(typeof(List<OktaAppGroupAssignment>))]
[JsonSerializable(typeof(OktaErrorBody))]
[JsonSerializable(typeof(AppUserAssignRequest))]
[JsonSerializable(typeof(AppUserProfileUpdateRequest))]
[JsonSerializable(typeof(AppGroupAssignRequest))]
[JsonSerializable(typeof(List<SamlRolesPatchOperation>))]
[JsonSerializable(typeof(List<OktaRoleAssignment>))]
[JsonSerializable(typeof(List<OktaCatalogApp>))]
[JsonSerializable(typeof(OktaRoleAssigneesPage))]
[JsonSerializable(typeof(OktaCustomRolesPage))]
[JsonSerializable(typeof(OktaPermissionsList))]
[JsonSerializable(typeof(OktaResourceSetsPage))]
[JsonSerializable(typeof(OktaResourceSetResourcesPage))]
[JsonSerializable(typeof(OktaResourceSetBindingsPage))]
[JsonSerializable(typeof(OktaResourceSetBindingMembersPage))]
internal sealed partial class OktaJsonContext : JsonSerializerContext;
