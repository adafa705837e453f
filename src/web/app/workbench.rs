//! The instrument panel: workload, sizes, fault, run controls, progress, sweeps, results and
//! the Python API panel.

use yew::prelude::*;

use super::runs::Runs;
use super::send::send;
use crate::app_state::{Action, ApiAction, AppState};
use crate::executor::Executor;
use crate::lessons::steps::Figure;
use crate::web::components::{
    api_demo::ApiDemo, chunk_chart::ChunkChart, confirm::Confirm, fault_picker::FaultPicker,
    insights::InsightCards, params_form::ParamsForm, progress::Progress, results::Results,
    run_controls::RunControls, sweep_chart::SweepChart, switch_picker::SwitchPicker,
    workload_picker::WorkloadPicker,
};
use crate::workload::{io, squares};

/// The thread sweep, and the chunk-size sweep for the tiny-task workload (unless the step's
/// stage shows them).
fn sweeps(state: &UseReducerHandle<AppState>, stage: Option<Figure>) -> Html {
    let d = state.dispatcher();
    let lang = state.lang;
    let busy = state.running.is_some() || state.scene_running;
    let shows = |f: Figure| stage == Some(f);
    html! {
        <>
            if !shows(Figure::Sweep) {
            <SweepChart
                sweep={state.sweep.clone().unwrap_or_else(|| crate::sweep::Sweep::new(Executor::Pool, state.max_threads()))}
                logical_processors={state.logical_processors}
                on_start={send(&d, |_| Action::StartSweep)}
                disabled={busy || !state.pool.is_ready()}
                {lang}
            />
            }
            if state.workload.id == squares::DEF.id && !shows(Figure::Chunks) {
                <ChunkChart
                    sweep={state.chunk_sweep.clone()}
                    on_start={send(&d, |_| Action::StartChunkSweep)}
                    disabled={busy || !state.pool.is_ready()}
                    {lang}
                />
            }
        </>
    }
}

/// The panel; on a lesson's step, `stage` is the figure the step's stage already shows (and the
/// stage shows the run's progress and questions), so the panel leaves those out.
pub fn view(state: &UseReducerHandle<AppState>, runs: &Runs, stage: Option<Figure>) -> Html {
    let shows = |f: Figure| stage == Some(f);
    let d = state.dispatcher();
    let lang = state.lang;
    let running = state.running.is_some();
    let busy = running || state.scene_running;
    html! {
        <section class="workload">
            <WorkloadPicker current={state.workload.id} on_select={send(&d, Action::SelectWorkload)} disabled={running} {lang} />
            <ParamsForm
                params={state.workload.params}
                values={state.values.clone()}
                inputs={state.inputs.clone()}
                on_edit={send(&d, |(name, text)| Action::EditParam(name, text))}
                disabled={running}
                {lang}
            />
            <FaultPicker fault={state.fault} on_change={send(&d, Action::SetFault)} disabled={running} {lang} />
            <RunControls
                pool_ready={state.pool.is_ready()}
                {busy}
                threads={state.threads}
                max_threads={state.max_threads()}
                logical_processors={state.logical_processors}
                estimate_ms={state.main_thread_estimate_ms()}
                on_run={runs.on_run.clone()}
                on_run_all={send(&d, |_| Action::RunAll)}
                executors={state.executors.clone()}
                panic_fault={matches!(state.fault, crate::engine::fault::Fault::Panic(_))}
                on_threads={send(&d, Action::SetThreads)}
                {lang}
            />
            if state.executors.contains(&Executor::Gil) {
                <SwitchPicker switch_us={state.switch_us} on_change={send(&d, Action::SetSwitch)} disabled={running} {lang} />
            }
            if let (Some((executor, estimate_ms)), None) = (state.confirm, stage) {
                <Confirm {executor} {estimate_ms} on_confirm={runs.on_confirm.clone()}
                    on_dismiss={send(&d, |_| Action::DismissConfirm)} {lang} />
            }
            if let (Some(running), None) = (state.running.clone(), stage) {
                <Progress {running} on_cancel={runs.on_cancel.clone()} live={runs.live.clone()} {lang} />
            }
            { sweeps(state, stage) }
            <Results
                results={state.results.clone()}
                main_ms={state.results.get(&Executor::Main).map(|r| r.output.wall_ms)}
                agree={state.answers_agree()}
                {lang}
            />
            <InsightCards results={state.results.clone()} {lang} />
            if !shows(Figure::Api) {
            <ApiDemo
                {lang}
                api={state.api}
                results={state.results.clone()}
                asked={(state.workload.id == io::DEF.id).then(|| io::waits(&state.values))}
                chunking={(state.workload.id == squares::DEF.id).then(|| (
                    state.values.get(&squares::N),
                    state.values.get(&squares::CHUNK),
                ))}
                on_api={send(&d, |call| Action::Api(ApiAction::Set(call)))}
                disabled={busy}
            />
            }
        </section>
    }
}
