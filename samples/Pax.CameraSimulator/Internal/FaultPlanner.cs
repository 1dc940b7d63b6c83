using System.Collections.Concurrent;

namespace Pax.CameraSimulator.Internal;

/// <summary>
/// Decides each image request's fault: a forced fault first (while it lasts), otherwise a seeded draw against the
/// fault rate keyed by (seed, camera, request number), so the same sequence of requests meets the same faults.
/// </summary>
internal sealed class FaultPlanner
{
    private readonly CameraSimulatorOptions _options;
    private readonly CameraFault[] _kinds;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ForcedFaultCounter> _forced = new(StringComparer.Ordinal);
    private TaskCompletionSource _requestArrived = NewPulse();

    public FaultPlanner(CameraSimulatorOptions options, IReadOnlyList<SimulatedCamera> cameras)
    {
        _options = options;
        _kinds = [.. options.FaultKinds.Where(k => k != CameraFault.None).Distinct()];
        foreach (var (index, fault) in options.ForcedFaults)
        {
            Force(cameras[index].Id, fault);
        }
    }

    public void Force(string cameraId, ForcedCameraFault fault) => _forced[cameraId] = new ForcedFaultCounter(fault);

    public int RequestCount(string cameraId) => _requests.GetValueOrDefault(cameraId);

    /// <summary>Waits until a camera has received at least <paramref name="count"/> image requests.</summary>
    public async Task WaitForRequestsAsync(string cameraId, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the pulse before reading the count: a request counted after the read completes this pulse.
            var arrived = Volatile.Read(ref _requestArrived).Task;
            if (RequestCount(cameraId) >= count)
            {
                return;
            }

            await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public CameraFault Next(SimulatedCamera camera)
    {
        var number = _requests.AddOrUpdate(camera.Id, 1, static (_, n) => n + 1);
        Interlocked.Exchange(ref _requestArrived, NewPulse()).TrySetResult();
        if (_forced.TryGetValue(camera.Id, out var forced) && forced.TryTake())
        {
            return forced.Fault;
        }

        if (_options.FaultRate <= 0 || _kinds.Length == 0)
        {
            return CameraFault.None;
        }

        var draw = StableHash.Mix((ulong)_options.Seed, (ulong)camera.Index, (ulong)number);
        return StableHash.ToUnit(draw) < _options.FaultRate ? _kinds[StableHash.Mix(draw) % (ulong)_kinds.Length] : CameraFault.None;
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class ForcedFaultCounter(ForcedCameraFault fault)
    {
        private int _remaining = fault.Times;

        public CameraFault Fault => fault.Fault;

        public bool TryTake()
        {
            if (fault.Times == int.MaxValue)
            {
                return true;
            }

            return Interlocked.Decrement(ref _remaining) >= 0;
        }
    }
}
