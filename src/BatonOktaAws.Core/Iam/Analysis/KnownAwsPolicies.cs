using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// The two AWS managed policies whose attachment alone makes a principal admin-equivalent. An export made with
/// <c>--filter Role</c> (or a page without the <c>Policies</c> list) lacks their documents; their effect is then
/// taken from what AWS documents them to grant: AdministratorAccess allows <c>*</c> on <c>*</c>, IAMFullAccess
/// allows <c>iam:*</c> on <c>*</c> (plus read-only Organizations actions that do not matter here).
/// </summary>
public static class KnownAwsPolicies
{
    public const string AdministratorAccessName = "AdministratorAccess";
    public const string IamFullAccessName = "IAMFullAccess";

    private static readonly PolicyDocument AdministratorAccess =
        PolicyDocumentParser.ParseText("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    private static readonly PolicyDocument IamFullAccess =
        PolicyDocumentParser.ParseText("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}""");

    public static bool IsAdministratorAccess(string arn) => IsAwsManaged(arn, AdministratorAccessName);

    public static bool IsIamFullAccess(string arn) => IsAwsManaged(arn, IamFullAccessName);

    internal static PolicyDocument? Document(string arn) =>
        IsAdministratorAccess(arn) ? AdministratorAccess : IsIamFullAccess(arn) ? IamFullAccess : null;

    // arn:aws:iam::aws:policy/AdministratorAccess, in any partition (arn:aws-us-gov:..., arn:aws-cn:...).
    private static bool IsAwsManaged(string arn, string name) =>
        IamArn.IsAwsManagedPolicy(arn) && arn.EndsWith(":policy/" + name, StringComparison.Ordinal);
}
