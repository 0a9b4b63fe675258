using System.Reflection;
using System.Runtime.CompilerServices;
using OpenLedger.Contracts.Binding;
using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Tests.Sync;

/// <summary>
/// The shapes of the bindings found by reflection: every type in a contract's namespace that implements one of the
/// binding interfaces. Reflection rather than the generated catalog, so a type added by hand is seen too.
/// </summary>
public static class BindingShapes
{
    public static IReadOnlyList<string> InNamespace(string contractNamespace)
    {
        var ns = "OpenLedger.Contracts." + contractNamespace;
        var shapes = new List<string>();
        foreach (var type in typeof(OpenLedgerContracts).Assembly.GetTypes().Where(t => t.Namespace == ns && !t.IsAbstract))
        {
            if (Implements(type, typeof(IContractEvent<>)))
                shapes.Add(AbiShapes.Of(Static<AbiEvent>(type, "Descriptor")));
            else if (Implements(type, typeof(IContractError<>)))
                shapes.Add(AbiShapes.Of(Static<AbiError>(type, "Descriptor")));
            else if (Implements(type, typeof(IContractFunctionMessage<>)))
            {
                // IsReadOnly is a constant per record type; an uninitialised instance is enough to read it.
                var instance = (IContractFunction)RuntimeHelpers.GetUninitializedObject(type);
                shapes.Add(AbiShapes.Of(Static<AbiFunction>(type, "Descriptor"), instance.IsReadOnly));
            }
            else if (typeof(IContractDeployment).IsAssignableFrom(type))
                shapes.Add(AbiShapes.Constructor(Static<IReadOnlyList<AbiParameter>>(type, "Inputs")));
        }
        return shapes;
    }

    /// <summary>The shapes listed in a generated catalog (<c>XxxAbi.Binding</c>).</summary>
    public static IEnumerable<string> Of(ContractBinding binding)
    {
        var readOnly = ReadOnlyFunctions(binding);
        foreach (var f in binding.Functions) yield return AbiShapes.Of(f, readOnly.Contains(f.Signature));
        foreach (var e in binding.Events) yield return AbiShapes.Of(e);
        foreach (var e in binding.Errors) yield return AbiShapes.Of(e);
        if (binding.ConstructorInputs.Count > 0) yield return AbiShapes.Constructor(binding.ConstructorInputs);
    }

    private static HashSet<string> ReadOnlyFunctions(ContractBinding binding)
    {
        var result = new HashSet<string>();
        foreach (var type in typeof(OpenLedgerContracts).Assembly.GetTypes().Where(t => Implements(t, typeof(IContractFunctionMessage<>))))
        {
            var descriptor = Static<AbiFunction>(type, "Descriptor");
            // Reference equality: the catalog lists the very Descriptor instances of the generated records.
            if (binding.Functions.Contains(descriptor) && ((IContractFunction)RuntimeHelpers.GetUninitializedObject(type)).IsReadOnly)
                result.Add(descriptor.Signature);
        }
        return result;
    }

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    private static T Static<T>(Type type, string property) =>
        (T)(type.GetProperty(property, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{type.Name} has no static {property}"));
}
