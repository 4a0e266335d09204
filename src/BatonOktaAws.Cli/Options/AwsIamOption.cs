using System.CommandLine;
using BatonOktaAws.Core.Iam;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// <c>--aws-iam PATH</c> (repeatable; <c>BATON_AWS_IAM</c> takes paths separated like PATH): IAM exports —
/// <c>aws iam get-account-authorization-details</c> JSON and <c>aws iam get-credential-report</c> — as files or
/// directories of them. Read before anything else, so a bad file fails at once and costs Okta nothing.
/// </summary>
internal static class AwsIamOption
{
    public static Option<string[]> Create() => new("--aws-iam")
    {
        Description = "IAM exports to attach: get-account-authorization-details JSON and credential reports (files or directories; repeat the flag for several). Never calls AWS.",
        HelpName = "path",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The exports the option names, loaded and checked; null when none are named.</summary>
    /// <exception cref="IamExportException">A file is not an IAM export, is cut short, or contradicts another; the message names it.</exception>
    public static IamEstate? Load(OptionValues values, Option<string[]> option)
    {
        ArgumentNullException.ThrowIfNull(values);
        var paths = values.Get(option) ?? [];
        return paths.Length == 0 ? null : IamExportLoader.Load(paths);
    }
}
