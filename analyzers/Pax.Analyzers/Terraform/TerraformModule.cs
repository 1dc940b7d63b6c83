using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Terraform;

/// <summary>
/// The <c>.tf</c> files of one folder read together, so a value defined in one file is known in all: variable
/// defaults, <c>locals</c> and resources by address (<c>google_cloud_run_v2_service.api</c>).
/// </summary>
internal sealed class TerraformModule
{
    private readonly Dictionary<string, TerraformFile> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// Variable values by name: defaults, overridden by <c>terraform.tfvars</c> / <c>*.auto.tfvars</c>; a variable bound
    /// by a calling module is left out (its value is unknown).
    /// </summary>
    public Dictionary<string, TerraformExpression> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether another folder calls this one as a local module (<c>source = "./x"</c>): the caller may grant roles on
    /// what this module deploys, which is not followed, so this module's PAX002 cannot tell.
    /// </summary>
    public bool IsCalledByAnotherModule { get; private set; }

    /// <summary>Local values by name.</summary>
    public Dictionary<string, TerraformExpression> Locals { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources and data sources by address (<c>type.name</c>; data sources without the <c>data.</c> prefix).</summary>
    public Dictionary<string, TerraformBlock> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="path"/> is a variable file Terraform loads by itself: <c>terraform.tfvars</c> or
    /// <c>*.auto.tfvars</c> (developer.hashicorp.com/terraform/language/values/variables, "Variable definitions
    /// (.tfvars) files"; later files win: <c>terraform.tfvars</c>, then <c>*.auto.tfvars</c> in lexical order).
    /// </summary>
    public static bool IsVariableFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("terraform.tfvars", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".auto.tfvars", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The folder of <paramref name="path"/>: the module a <c>.tf</c> file belongs to.</summary>
    public static string FolderOf(string path) => (Path.GetDirectoryName(path) ?? string.Empty).Replace('\\', '/').TrimEnd('/');

    /// <summary>
    /// Reads the module in <paramref name="folder"/> from <paramref name="files"/> (path and text of every AdditionalFile).
    /// Variables that a local <c>module</c> block elsewhere (<c>source = "./x"</c>) binds are treated as unknown: the
    /// caller's value is not followed, and the default would be a guess.
    /// </summary>
    public static TerraformModule Read(string folder, IEnumerable<(string Path, Func<SourceText?> Text)> files)
    {
        var module = new TerraformModule();
        var boundByCallers = new HashSet<string>(StringComparer.Ordinal);
        var variableFiles = new List<(string Path, TerraformFile File)>();
        foreach (var (path, text) in files)
        {
            if (IsVariableFile(path) && FolderOf(path) == folder && text()?.ToString() is { } values)
            {
                variableFiles.Add((path, TerraformReader.Read(values)));
                continue;
            }

            if (!TerraformAnalyzer.IsTerraform(path))
            {
                continue;
            }

            var fileFolder = FolderOf(path);
            var content = text()?.ToString();
            if (content is null || (fileFolder != folder && content.IndexOf("module", StringComparison.Ordinal) < 0))
            {
                continue;
            }

            var file = TerraformReader.Read(content);
            if (fileFolder == folder)
            {
                module._files[path] = file;
                module.Add(file);
            }
            else
            {
                module.IsCalledByAnotherModule |= AddBoundVariables(file, fileFolder, folder, boundByCallers);
            }
        }

        module.Apply(variableFiles);

        foreach (var variable in boundByCallers)
        {
            module.Variables.Remove(variable);
        }

        return module;
    }

    /// <summary>The parsed file at <paramref name="path"/>, or <see langword="null"/>.</summary>
    public TerraformFile? File(string path) => _files.TryGetValue(path, out var file) ? file : null;

    private void Add(TerraformFile file)
    {
        foreach (var block in file.Blocks)
        {
            if (block.Type == "variable" && block.Label(0) is { } name && block.Attribute("default") is { } value)
            {
                Variables[name] = value.Value;
            }
            else if (block.Type == "locals")
            {
                foreach (var local in block.Attributes)
                {
                    Locals[local.Name] = local.Value;
                }
            }
            else if (block.Type is "resource" or "data" && block.Label(0) is { } type && block.Label(1) is { } label)
            {
                Resources[type + "." + label] = block;
            }
        }
    }

    /// <summary>Variable files override defaults: <c>terraform.tfvars</c> first, then <c>*.auto.tfvars</c> in lexical order.</summary>
    private void Apply(List<(string Path, TerraformFile File)> variableFiles)
    {
        foreach (var (_, file) in variableFiles
            .OrderBy(f => Path.GetFileName(f.Path).Equals("terraform.tfvars", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => Path.GetFileName(f.Path), StringComparer.Ordinal))
        {
            foreach (var value in file.Attributes)
            {
                Variables[value.Name] = value.Value;
            }
        }
    }

    /// <summary>A folder path with <c>.</c> and <c>..</c> segments resolved (no file system access).</summary>
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0 && segments[segments.Count - 1].Length > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != "." && (segment.Length > 0 || segments.Count == 0))
            {
                segments.Add(segment);
            }
        }

        return string.Join("/", segments);
    }

    private static bool AddBoundVariables(TerraformFile caller, string callerFolder, string folder, HashSet<string> bound)
    {
        var called = false;
        foreach (var block in caller.Blocks)
        {
            if (block.Type != "module" || block.Attribute("source") is not { } source)
            {
                continue;
            }

            var text = source.Value.Text.Trim().Trim('"');
            if (!text.StartsWith("./", StringComparison.Ordinal) && !text.StartsWith("../", StringComparison.Ordinal))
            {
                continue;
            }

            if (string.Equals(Normalize(callerFolder + "/" + text), Normalize(folder), StringComparison.Ordinal))
            {
                called = true;
                foreach (var input in block.Attributes)
                {
                    bound.Add(input.Name);
                }
            }
        }

        return called;
    }
}
