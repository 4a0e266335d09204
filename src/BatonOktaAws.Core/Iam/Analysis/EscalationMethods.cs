namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// The privilege-escalation methods checked, from Rhino Security Labs' catalogue
/// (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/ and
/// https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation) — those that need nothing but the
/// permissions themselves. Methods that only reach roles already attached to existing resources (updating a
/// Lambda function's code or configuration, a Glue endpoint's key, an existing SageMaker notebook, CodeStar
/// templates) are left out: the export cannot tell which roles those are. docs/aws-iam.md lists both.
/// </summary>
public static class EscalationMethods
{
    private const string PassRole = "iam:PassRole";

    public static IReadOnlyList<EscalationMethod> All { get; } =
    [
        Single("iam:CreatePolicyVersion", EscalationTarget.AnyPolicyOrAttached,
            "can write a new default version of a managed policy (--set-as-default needs no other permission)"),
        Single("iam:SetDefaultPolicyVersion", EscalationTarget.AnyPolicyOrAttached,
            "can make an older, broader version of a managed policy the one in force"),
        Single("iam:AttachRolePolicy", EscalationTarget.AnyRoleOrSelf, "can attach any managed policy (AdministratorAccess) to a role"),
        Single("iam:PutRolePolicy", EscalationTarget.AnyRoleOrSelf, "can write any inline policy into a role"),
        Single("iam:AttachUserPolicy", EscalationTarget.AnyUserOrSelf, "can attach any managed policy to a user"),
        Single("iam:PutUserPolicy", EscalationTarget.AnyUserOrSelf, "can write any inline policy into a user"),
        Single("iam:AttachGroupPolicy", EscalationTarget.AnyGroupOrOwn, "can attach any managed policy to a group"),
        Single("iam:PutGroupPolicy", EscalationTarget.AnyGroupOrOwn, "can write any inline policy into a group"),
        Single("iam:AddUserToGroup", EscalationTarget.AnyGroup, "can add a user to any group, including an administrators group"),
        Single("iam:CreateAccessKey", EscalationTarget.AnyUser, "can create access keys for other users and act as them"),
        Single("iam:CreateLoginProfile", EscalationTarget.AnyUser, "can give other users a console password and sign in as them"),
        Single("iam:UpdateLoginProfile", EscalationTarget.AnyUser, "can change other users' console passwords and sign in as them"),
        Single("iam:UpdateAssumeRolePolicy", EscalationTarget.AnyRole,
            "can rewrite any role's trust policy to let itself assume that role"),
        WithPassRole("iam:PassRole+ec2:RunInstances", "can start an EC2 instance with any role and use its credentials",
            "ec2:RunInstances"),
        WithPassRole("iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction", "can create and run a Lambda function with any role",
            "lambda:CreateFunction", "lambda:InvokeFunction"),
        WithPassRole("iam:PassRole+lambda:CreateFunction+lambda:AddPermission",
            "can create a Lambda function with any role and let another account invoke it", "lambda:CreateFunction", "lambda:AddPermission"),
        WithPassRole("iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping",
            "can create a Lambda function with any role and have an event source invoke it", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
        WithPassRole("iam:PassRole+glue:CreateDevEndpoint", "can create a Glue development endpoint with any role and log in to it",
            "glue:CreateDevEndpoint"),
        WithPassRole("iam:PassRole+cloudformation:CreateStack", "can create a CloudFormation stack that acts with any role",
            "cloudformation:CreateStack"),
        WithPassRole("iam:PassRole+datapipeline:CreatePipeline+datapipeline:PutPipelineDefinition",
            "can create a Data Pipeline that runs commands with any role", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"),
        WithPassRole("iam:PassRole+sagemaker:CreateNotebookInstance+sagemaker:CreatePresignedNotebookInstanceUrl",
            "can create a SageMaker notebook with any role and open it", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"),
        WithPassRole("iam:PassRole+codestar:CreateProject", "can create a CodeStar project that deploys with any role",
            "codestar:CreateProject"),
    ];

    private static EscalationMethod Single(string action, EscalationTarget target, string description) =>
        new(action, description, [new EscalationStep(action, target)]);

    private static EscalationMethod WithPassRole(string name, string description, params string[] serviceActions) =>
        new(name, description, [new EscalationStep(PassRole, EscalationTarget.AnyRole), .. serviceActions.Select(a => new EscalationStep(a, EscalationTarget.NewResource))]);
}
