#!/usr/bin/env python3
"""Generates definitions/bpmn/*.bpmn (34 units, 9 steps) and definitions/forms/*.form from
definitions/catalog.yaml plus the modelling patterns below, and lays every diagram out.

    python3 scripts/definitions/generate.py          # rewrites definitions/bpmn and definitions/forms

Needs Python 3.10+ and PyYAML. The generated files are committed; the tests in
tests/Workflows.Tests/Definitions check them, not this script. After an analyst edits a file in
the designer, that file is the source: remove its entry from BUILDERS (or stop re-running the
script) so the edit is not overwritten.
"""

from __future__ import annotations

import json
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from bpmnlib import Process  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFS = os.path.join(ROOT, "definitions")
CATALOG = yaml.safe_load(open(os.path.join(DEFS, "catalog.yaml"), encoding="utf-8"))
UNITS = {u["code"]: u for u in CATALOG["units"]}

SUPERIOR = {"regulator.street": "regulator.county", "regulator.county": "regulator.city",
            "regulator.city": "regulator.province", "regulator.province": "regulator.national",
            "inspector": "regulator.city", "enterprise": "regulator.county", "producer": "regulator.city",
            "maintenance": "regulator.street"}

APPROVE = "${decision === 'approve'}"
RETURN = "${decision === 'return'}"


def group(party):
    if party is None:
        return None
    return f"{party['role']}.{party['level']}" if party.get("level") else party["role"]


def pid(u):
    return f"unit_{u['code']}_{u['slug'].replace('-', '_')}"


def form_key(u):
    return f"unit-{u['code']}-{u['slug']}"


def new(u, comment):
    p = Process(pid(u), f"{u['code']} {u['name']['zh']}", comment)
    p.unit = u
    return p


def limit_of(u, task):
    lim = u.get("limit")
    return lim["dueIn"] if lim and lim["task"] == task else None


def reminder_cycle(due):
    if due.endswith("WD"):
        return "R3/P1WD"
    if due.startswith("PT") and due.endswith("M"):
        return "R2/PT10M"
    if due.startswith("PT") and due.endswith("H"):
        return "R3/PT30M"
    return "R3/P1D"


def sla(p, task, due, superior_group, superior_name="上级督办", superior_form="decision", then=None, escalate_interrupts=True):
    """Reminders (催办, non-interrupting cycle) and escalation (ah:escalates timer at the limit) on a
    user task. Interrupting: the superior level takes over the task and its outcome flows to
    `then`. Non-interrupting: the superior is told and supervises while the task stays open."""
    p.boundary_timer(f"{task}_remind", task, "催办", cycle=reminder_cycle(due), interrupting=False)
    p.service(f"{task}_remind_notify", "发送催办提醒", "notify.send")
    p.end(f"{task}_reminded", "已催办")
    p.chain(f"{task}_remind", f"{task}_remind_notify", f"{task}_reminded")
    p.boundary_timer(f"{task}_deadline", task, "超期", duration=due, interrupting=escalate_interrupts, escalates=True)
    p.user(f"{task}_superior", superior_name, group=superior_group, form=superior_form)
    p.flow(f"{task}_deadline", f"{task}_superior")
    if then:
        p.flow(f"{task}_superior", then)
    else:
        p.end(f"{task}_supervised", "督办完成")
        p.flow(f"{task}_superior", f"{task}_supervised")


def decision(p, task, name, grp, due, approve_to, correct_to=None, correct_form=None, reject_name="不予许可"):
    """A decision task with SLA, then 同意 / 退回补正 (back to the applicant, then back here) /
    不同意 (the applicant receives the decision and its reason)."""
    p.user(task, name, group=grp, form="decision", due=due)
    gw = p.xgw(f"{task}_result", "审查结论")
    p.flow(task, gw)
    if due:
        sla(p, task, due, SUPERIOR[grp], superior_name=f"{name}（超期，上级决定）", then=gw)
    p.flow(gw, approve_to, cond=APPROVE, name="同意")
    if correct_form:
        corr = p.user(f"{task}_correct", "补正材料", assignee="${initiator}", form=correct_form)
        p.flow(gw, corr, cond=RETURN, name="退回补正")
        p.flow(corr, correct_to or task)
    rej = p.user(f"{task}_rejected", f"签收{reject_name}决定", assignee="${initiator}", form="decision-receipt")
    p.flow(gw, rej, name=reject_name, default=True)
    p.end(f"{task}_end_rejected", reject_name)
    p.flow(rej, f"{task}_end_rejected")


def effects(p, items, end_id="End_done", end_name="办结"):
    """A chain of service tasks then notify.send then the end event; returns the first id."""
    ids = [p.service(nid, name, t) for nid, name, t in items]
    ids.append(p.service("Task_notify_result", "通知办理结果", "notify.send"))
    ids.append(p.end(end_id, end_name))
    p.chain(*ids)
    return ids[0]


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------
def application(u, comment, effect_tasks, accept=True, extra=None, reject_name="不予许可"):
    """apply (start form) -> [受理, 5 WD] -> [extra steps] -> 审查决定 (catalog limit) -> effects."""
    p = new(u, comment)
    decider = group(u["decider"])
    p.start("Start_apply", "提交申请", form=form_key(u))
    first_effect = effects(p, effect_tasks)
    decide_due = limit_of(u, "Task_decide")
    after_accept = "Task_decide"
    if extra:
        after_accept = extra(p)
    if accept:
        p.flow("Start_apply", "Task_accept")
        decision(p, "Task_accept", "受理", decider, "P5WD", after_accept, correct_form=form_key(u), reject_name="不予受理")
    else:
        p.flow("Start_apply", after_accept)
    decision(p, "Task_decide", "审查决定", decider, decide_due, first_effect, correct_form=form_key(u), reject_name=reject_name)
    return p


def filing(u, comment, effect_tasks, before=None):
    """A filing (告知/备案): accepted at once by notice.accept or the registry effect, never approved."""
    p = new(u, comment)
    p.start("Start_file", "提交", form=form_key(u))
    first = effects(p, effect_tasks, end_id="End_filed", end_name="已受理（备案）")
    if before:
        p.flow("Start_file", before(p, first))
    else:
        p.flow("Start_file", first)
    return p


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------
def appraisal(p):
    p.user("Task_appraisal", "鉴定评审", group="inspector", form="inspection-result", due="P1Y")
    p.xgw("Gateway_appraisal", "评审结论")
    p.flow("Task_appraisal", "Gateway_appraisal")
    p.flow("Gateway_appraisal", "Task_decide", cond="${result === 'pass'}", name="符合")
    p.user("Task_appraisal_rectify", "评审整改", assignee="${initiator}", form="rectification")
    p.flow("Gateway_appraisal", "Task_appraisal_rectify", name="需整改", default=True)
    p.flow("Task_appraisal_rectify", "Task_appraisal")
    return "Task_appraisal"


def u01(u):
    return application(u, "生产许可：申请 → 受理（5个工作日）→ 鉴定评审（1年内，含整改）→ 审查决定 → 发证。",
                       [("Task_issue_licence", "发放许可证", "licence.issue")], extra=appraisal)


def u02(u):
    return application(u, "许可证延续（换证）：届满6个月前申请；受理 → 鉴定评审 → 决定 → 换发。",
                       [("Task_renew_licence", "换发许可证", "licence.renew")], extra=appraisal)


def u03(u):
    def extra(p):
        p.xgw("Gateway_kind", "变更类型")
        appraisal(p)
        p.flow("Gateway_kind", "Task_appraisal", cond="${changeKind === 'addScope' || changeKind === 'upgrade'}", name="增项/升级")
        p.flow("Gateway_kind", "Task_decide", name="一般变更", default=True)
        return "Gateway_kind"
    return application(u, "许可变更/增项：一般变更书面审查；增项、升级须鉴定评审。",
                       [("Task_change_licence", "变更许可证", "licence.change")], extra=extra)


def u04(u):
    return application(u, "许可注销：受理 → 审查决定 → 注销许可证。", [("Task_cancel_licence", "注销许可证", "licence.cancel")],
                       reject_name="不予注销")


def u05(u):
    return filing(u, "产品数据表申报与赋码：制造单位上传产品数据表，平台即时生成安全码（备案，不审批）。",
                  [("Task_create_device", "建立设备档案并赋码", "registry.createDevice")])


def inspection_application(u, comment, start_name):
    """An application to an inspection body: it accepts (受理), returns the papers or refuses."""
    p = new(u, comment)
    p.start("Start_apply", start_name, form=form_key(u))
    p.service("Task_notify_result", "通知受理结果", "notify.send")
    p.end("End_accepted", "已受理")
    p.chain("Task_notify_result", "End_accepted")
    p.flow("Start_apply", "Task_accept")
    decision(p, "Task_accept", "检验机构受理", "inspector", limit_of(u, "Task_accept"), "Task_notify_result",
             correct_form=form_key(u), reject_name="不予受理")
    return p


def u06(u):
    return inspection_application(u, "定期检验申报：使用单位在检验有效期届满1个月前申报；检验机构受理。", "提交定期检验申报")


def u07(u):
    p = new(u, "检验任务派发与报告：派发 → 现场检验（默认10个工作日）→ 报告编制、审核、批准（依次会签）→ 记录结果 → 合格则排定下次检验，不合格则停用。")
    p.start("Start_task", "检验任务", form=form_key(u))
    p.user("Task_assign", "派发检验任务", group="inspector", form="inspection-assignment", due="P2WD")
    p.user("Task_inspect", "现场检验并出具报告", assignee="${inspectorUser}", form="inspection-result", due=limit_of(u, "Task_inspect"))
    sla(p, "Task_inspect", limit_of(u, "Task_inspect"), "inspector", superior_name="检验超期督办", escalate_interrupts=False)
    p.user("Task_sign", "报告签署（编制/审核/批准）", assignee="${signer.userId}", form="decision", collection="${reportSigners}",
           element="signer", sequential=True, completion="${decision !== 'approve'}")
    p.xgw("Gateway_signed", "签署结论")
    p.service("Task_record", "记录检验结果", "registry.recordInspectionResult")
    p.xgw("Gateway_result", "检验结论")
    p.service("Task_schedule", "排定下次检验日期", "registry.scheduleNextInspection")
    p.service("Task_stop", "设备停用（待整改复检）", "registry.changeStatus")
    p.service("Task_notify_result", "通知检验结论", "notify.send")
    p.end("End_reported", "报告已出具")
    p.chain("Start_task", "Task_assign", "Task_inspect", "Task_sign", "Gateway_signed")
    p.flow("Gateway_signed", "Task_record", cond=APPROVE, name="批准")
    p.flow("Gateway_signed", "Task_inspect", name="退回修改", default=True)
    p.flow("Task_record", "Gateway_result")
    p.flow("Gateway_result", "Task_schedule", cond="${result === 'pass'}", name="合格")
    p.flow("Gateway_result", "Task_stop", name="不合格", default=True)
    p.flow("Task_schedule", "Task_notify_result")
    p.flow("Task_stop", "Task_notify_result")
    p.flow("Task_notify_result", "End_reported")
    return p


def u08(u):
    p = new(u, "检验不合格整改与复检：使用单位限期整改（逾期上报县级监管）→ 检验机构复检 → 合格恢复使用并排定下次检验；不合格继续整改。")
    p.start("Start_failed", "检验不合格", form=form_key(u))
    due = limit_of(u, "Task_rectify")
    p.user("Task_rectify", "整改并申请复检", assignee="${initiator}", form="rectification", due=due)
    sla(p, "Task_rectify", due, "regulator.county", superior_name="逾期未整改，监管介入", superior_form="decision", escalate_interrupts=False)
    p.user("Task_reinspect", "复检", group="inspector", form="inspection-result", due="P10WD")
    p.xgw("Gateway_result", "复检结论")
    p.service("Task_record", "记录复检结果", "registry.recordInspectionResult")
    p.service("Task_restart", "恢复在用状态", "registry.changeStatus")
    p.service("Task_schedule", "排定下次检验日期", "registry.scheduleNextInspection")
    p.service("Task_notify_result", "通知复检结论", "notify.send")
    p.end("End_passed", "复检合格")
    p.chain("Start_failed", "Task_rectify", "Task_reinspect", "Gateway_result")
    p.flow("Gateway_result", "Task_record", cond="${result === 'pass'}", name="合格")
    p.flow("Gateway_result", "Task_rectify", name="不合格，继续整改", default=True)
    p.chain("Task_record", "Task_restart", "Task_schedule", "Task_notify_result", "End_passed")
    return p


def u09(u):
    return application(u, "延期检验申请：使用单位说明理由，县级监管部门决定。",
                       [("Task_reschedule", "调整下次检验日期", "registry.scheduleNextInspection")], accept=False, reject_name="不予延期")


def u10(u):
    def before(p, first):
        p.xgw("Gateway_result", "自行检测结论")
        p.service("Task_record", "记录自行检测结果", "registry.recordInspectionResult")
        p.flow("Gateway_result", first, cond="${result === 'pass'}", name="合格")
        p.flow("Gateway_result", "Task_record", name="不合格", default=True)
        p.service("Task_hazard", "登记隐患", "hazard.open")
        p.chain("Task_record", "Task_hazard", first)
        return "Gateway_result"
    return filing(u, "电梯自行检测：在非定期检验年度，由检测机构检测并报送报告（备案）；不合格登记隐患。",
                  [("Task_record_pass", "记录自行检测结果", "registry.recordInspectionResult")], before=before)


def u11(u):
    return application(u, "使用登记（首次）：投入使用前或投入使用后30日内申请；受理（5个工作日）→ 审查决定 → 建档、发证。",
                       [("Task_create_device", "建立或更新设备档案", "registry.createDevice"),
                        ("Task_issue_certificate", "发放使用登记证", "registry.issueUseCertificate")], reject_name="不予登记")


def u12(u):
    return application(u, "变更登记（改造、移装、变更使用单位、更名、地址变更、达到设计年限继续使用）。",
                       [("Task_issue_certificate", "换发使用登记证", "registry.issueUseCertificate")], reject_name="不予变更")


def u13(u):
    return filing(u, "停用：停用1年以上，停用后30日内向登记机关备案（备案，不审批）。",
                  [("Task_change_status", "设备状态改为停用", "registry.changeStatus")])


def u14(u):
    def extra(p):
        p.xgw("Gateway_valid", "检验是否在有效期")
        p.catch_message("Event_inspected", "等待检验合格", "inspection.passed", "${equipmentCode}")
        p.flow("Gateway_valid", "Event_inspected", cond="${inspectionExpired === true}", name="已过期，先检验")
        p.flow("Gateway_valid", "Task_decide", name="在有效期内", default=True)
        p.flow("Event_inspected", "Task_decide")
        return "Gateway_valid"
    return application(u, "启用：使用单位自查后申请；检验有效期已过的，先检验合格（等待检验结果消息）。",
                       [("Task_change_status", "设备状态改为在用", "registry.changeStatus")], accept=False, extra=extra,
                       reject_name="不予启用")


def u15(u):
    return application(u, "报废注销：交回使用登记表和使用登记证；非产权单位须产权单位书面授权。",
                       [("Task_change_status", "设备状态改为报废并注销登记证", "registry.changeStatus")], accept=False,
                       reject_name="不予注销")


def u16(u):
    return application(u, "补证：登记证遗失或损毁，申请补发。", [("Task_issue_certificate", "补发使用登记证", "registry.issueUseCertificate")],
                       accept=False, reject_name="不予补证")


def u17(u):
    return application(u, "按单位登记：气瓶、工业管道以使用单位为单位办理使用登记，附基本信息汇总表。",
                       [("Task_create_device", "建立设备档案（逐项）", "registry.createDevice"),
                        ("Task_issue_certificate", "发放使用登记证", "registry.issueUseCertificate")], reject_name="不予登记")


def notice(u, what):
    return filing(u, f"{what}：施工单位施工前书面告知（特种设备安全法第二十三条），告知后即可施工（条例第十七条）；即时受理，不审批。",
                  [("Task_accept_notice", "告知受理（即时）", "notice.accept")])


def u18(u):
    return notice(u, "安装告知")


def u19(u):
    return notice(u, "改造告知")


def u20(u):
    return notice(u, "重大修理告知")


def u21(u):
    return notice(u, "移装告知")


def u22(u):
    return inspection_application(u, "监督检验申请：安装、改造、重大修理须经监督检验合格方可使用（特种设备安全法第二十五条）；检验机构受理。",
                                  "提交监督检验申请")


def u23(u):
    p = new(u, "监督检验报告与验收：现场监督检验 → 不合格整改后复检 → 合格出具报告 → 使用单位验收 → 施工单位30日内移交技术资料（第二十四条）。")
    p.start("Start_inspect", "监督检验", form=form_key(u))
    p.user("Task_inspect", "现场监督检验", group="inspector", form="inspection-result", due="P10WD")
    p.xgw("Gateway_result", "监督检验结论")
    p.user("Task_rectify", "施工单位整改", assignee="${initiator}", form="rectification", due="P15WD")
    p.service("Task_record", "记录监督检验结果", "registry.recordInspectionResult")
    p.user("Task_acceptance", "使用单位验收", group="enterprise", form="decision")
    p.xgw("Gateway_accepted", "验收结论")
    p.user("Task_handover", "移交技术资料", assignee="${initiator}", form="decision-receipt", due=limit_of(u, "Task_handover"))
    sla(p, "Task_handover", limit_of(u, "Task_handover"), "regulator.county", superior_name="逾期未移交，监管督办",
        escalate_interrupts=False)
    p.service("Task_notify_result", "通知验收完成", "notify.send")
    p.end("End_accepted", "验收完成")
    p.chain("Start_inspect", "Task_inspect", "Gateway_result")
    p.flow("Gateway_result", "Task_record", cond="${result === 'pass'}", name="合格")
    p.flow("Gateway_result", "Task_rectify", name="不合格", default=True)
    p.flow("Task_rectify", "Task_inspect")
    p.chain("Task_record", "Task_acceptance", "Gateway_accepted")
    p.flow("Gateway_accepted", "Task_handover", cond=APPROVE, name="验收通过")
    p.flow("Gateway_accepted", "Task_rectify", name="验收不通过，整改", default=True)
    p.chain("Task_handover", "Task_notify_result", "End_accepted")
    return p


def u24(u):
    return filing(u, "维保合同备案：使用单位与有资质的维保单位签订合同后备案。",
                  [("Task_record_contract", "登记维保合同", "registry.recordMaintenanceContract")])


def u25(u):
    p = new(u, "维保记录：电梯至少每15日维护保养一次（条例第三十一条）；维保单位记录，使用单位安全管理人员确认；逾期上报街道监管。")
    p.start("Start_due", "维保周期开始", form=form_key(u))
    due = limit_of(u, "Task_record")
    p.user("Task_record", "完成维保并填写记录", group="maintenance", form=form_key(u), due=due)
    sla(p, "Task_record", due, "regulator.street", superior_name="超期未维保处置", escalate_interrupts=False)
    p.user("Task_confirm", "使用单位确认维保记录", group="enterprise", form="decision")
    p.xgw("Gateway_confirmed", "确认结论")
    p.service("Task_save", "保存维保记录", "registry.recordMaintenance")
    p.service("Task_notify_result", "通知维保完成", "notify.send")
    p.end("End_recorded", "已记录")
    p.chain("Start_due", "Task_record", "Task_confirm", "Gateway_confirmed")
    p.flow("Gateway_confirmed", "Task_save", cond=APPROVE, name="确认")
    p.flow("Gateway_confirmed", "Task_record", name="退回重做", default=True)
    p.chain("Task_save", "Task_notify_result", "End_recorded")
    return p


def u26(u):
    def extra(p):
        p.user("Task_exam", "考试与成绩评定", group="inspector", form="inspection-result", due="P20WD")
        p.xgw("Gateway_exam", "考试结论")
        p.flow("Task_exam", "Gateway_exam")
        p.flow("Gateway_exam", "Task_decide", cond="${result === 'pass'}", name="合格")
        p.user("Task_exam_failed", "签收考试不合格通知", assignee="${initiator}", form="decision-receipt")
        p.end("End_exam_failed", "考试不合格")
        p.flow("Gateway_exam", "Task_exam_failed", name="不合格", default=True)
        p.flow("Task_exam_failed", "End_exam_failed")
        return "Task_exam"
    return application(u, "作业人员取证：用人单位申请 → 受理 → 考试机构考试 → 发证机关审查发证。",
                       [("Task_issue", "发放作业人员证", "operator.issueCertificate")], extra=extra, reject_name="不予发证")


def u27(u):
    return application(u, "作业人员证复审：届满1个月前申请（TSG Z6001-2019第二十五条）；年龄不超过65周岁、无违章和责任事故、连续从业中断不超过1年。",
                       [("Task_renew", "换发作业人员证", "operator.renewCertificate")], accept=False, reject_name="复审不合格")


def u28(u):
    return filing(u, "安全管理人员配备：按总局令第74号配备安全总监、安全员并备案。",
                  [("Task_record_staff", "登记安全管理人员", "registry.recordSafetyStaff")])


def u29(u):
    def before(p, first):
        p.xgw("Gateway_found", "是否发现隐患")
        p.service("Task_open_hazard", "登记隐患", "hazard.open")
        p.xgw("Gateway_level", "隐患等级")
        p.service("Task_stop", "立即停止使用", "registry.changeStatus")
        p.flow("Gateway_found", first, name="零风险", default=True)
        p.flow("Gateway_found", "Task_open_hazard", cond="${hazardsFound === true}", name="发现隐患")
        p.flow("Task_open_hazard", "Gateway_level")
        p.flow("Gateway_level", "Task_stop", cond="${hazardLevel === 'serious'}", name="严重事故隐患")
        p.flow("Gateway_level", first, name="一般隐患，立即整改", default=True)
        p.flow("Task_stop", first)
        return "Gateway_found"
    return filing(u, "隐患自查上报：日管控（含零风险报告）、周排查、月调度；严重事故隐患立即停用并上报。", [], before=before)


def u30(u):
    p = new(u, "公众扫码投诉举报：扫码提交 → 县级监管2个工作日内派发核查 → 街道核查 → 答复投诉人；查实的登记隐患。")
    p.start("Start_complaint", "扫码投诉", form=form_key(u), initiator=False)
    due = limit_of(u, "Task_dispatch")
    p.user("Task_dispatch", "派发核查", group="regulator.county", form="decision", due=due)
    sla(p, "Task_dispatch", due, "regulator.city", superior_name="超期未派发，市级督办", escalate_interrupts=False)
    p.xgw("Gateway_dispatch", "是否受理")
    p.user("Task_check", "现场核查", group="regulator.street", form="inspection-result", due="P10WD")
    p.xgw("Gateway_found", "核查结论")
    p.service("Task_open_hazard", "登记隐患", "hazard.open")
    p.service("Task_notify_result", "答复投诉人", "notify.send")
    p.end("End_answered", "已答复")
    p.chain("Start_complaint", "Task_dispatch", "Gateway_dispatch")
    p.flow("Gateway_dispatch", "Task_check", cond=APPROVE, name="受理")
    p.flow("Gateway_dispatch", "Task_notify_result", name="不予受理（说明理由）", default=True)
    p.flow("Task_check", "Gateway_found")
    p.flow("Gateway_found", "Task_open_hazard", cond="${result === 'fail'}", name="属实")
    p.flow("Gateway_found", "Task_notify_result", name="不属实", default=True)
    p.chain("Task_open_hazard", "Task_notify_result", "End_answered")
    return p


def u31(u):
    p = new(u, "隐患整改闭环：县级监管下达安全监察指令书 → 使用单位限期整改（逾期查封扣押）→ 街道复查 → 合格销号，不合格继续整改。")
    p.start("Start_order", "下达安全监察指令书", form=form_key(u))
    p.service("Task_open_hazard", "登记隐患", "hazard.open")
    p.xgw("Gateway_serious", "是否需停用")
    p.service("Task_stop", "设备停用", "registry.changeStatus")
    p.xgw("Gateway_merge")
    due = limit_of(u, "Task_rectify")
    p.user("Task_rectify", "限期整改并报告", group="enterprise", form="rectification", due=due)
    sla(p, "Task_rectify", due, "regulator.county", superior_name="逾期未整改：查封扣押", escalate_interrupts=False)
    p.user("Task_review", "整改复查", group="regulator.street", form="decision", due="P5WD")
    p.xgw("Gateway_review", "复查结论")
    p.service("Task_close_hazard", "隐患销号", "hazard.close")
    p.service("Task_notify_result", "通知闭环结果", "notify.send")
    p.end("End_closed", "闭环")
    p.chain("Start_order", "Task_open_hazard", "Gateway_serious")
    p.flow("Gateway_serious", "Task_stop", cond="${stopUse === true}", name="责令停用")
    p.flow("Gateway_serious", "Gateway_merge", name="不停用", default=True)
    p.flow("Task_stop", "Gateway_merge")
    p.chain("Gateway_merge", "Task_rectify", "Task_review", "Gateway_review")
    p.flow("Gateway_review", "Task_close_hazard", cond=APPROVE, name="整改合格")
    p.flow("Gateway_review", "Task_rectify", name="不合格，继续整改", default=True)
    p.chain("Task_close_hazard", "Task_notify_result", "End_closed")
    return p


def u32(u):
    p = new(u, "双随机监督检查：随机抽取检查对象和执法人员 → 逐户现场检查（多实例）→ 汇总公示；发现隐患的转隐患整改闭环。")
    p.start("Start_plan", "制定抽查计划", form=form_key(u))
    due = limit_of(u, "Task_check")
    # The case is the county's (the plan names organisations, not a street), so its own 执法人员 check:
    # a street office would not see a county-level case. The summary says whether hazards were found.
    p.user("Task_check", "现场检查", group="regulator.county", form="inspection-result", due=due,
           collection="${targets}", element="target")
    sla(p, "Task_check", due, "regulator.city", superior_name="检查超期督办", escalate_interrupts=False)
    p.user("Task_summary", "汇总检查结果", group="regulator.county", form="inspection-summary", due="P5WD")
    p.xgw("Gateway_found", "是否发现隐患")
    p.service("Task_open_hazard", "登记隐患", "hazard.open")
    p.service("Task_notify_result", "公示检查结果", "notify.send")
    p.end("End_published", "已公示")
    p.chain("Start_plan", "Task_check", "Task_summary", "Gateway_found")
    p.flow("Gateway_found", "Task_open_hazard", cond="${hazardsFound === true}", name="发现隐患")
    p.flow("Gateway_found", "Task_notify_result", name="未发现", default=True)
    p.chain("Task_open_hazard", "Task_notify_result", "End_published")
    return p


def u33(u):
    p = new(u, "事故报告与调查：事故单位1小时内报告 → 县级核实并2小时内逐级上报 → 按等级组织调查 → 调查组会签报告 → 结案。")
    p.start("Start_report", "事故快报", form=form_key(u))
    p.service("Task_stop", "事故设备停用", "registry.changeStatus")
    due = limit_of(u, "Task_verify")
    p.user("Task_verify", "核实并上报", group="regulator.county", form="decision", due=due)
    sla(p, "Task_verify", due, "regulator.city", superior_name="超时未上报，市级督办", escalate_interrupts=False)
    p.xgw("Gateway_level", "事故等级")
    p.user("Task_investigate_province", "组织事故调查（省级）", group="regulator.province", form="accident-investigation", due="P60D")
    p.user("Task_investigate_city", "组织事故调查（市级）", group="regulator.city", form="accident-investigation", due="P60D")
    p.xgw("Gateway_join")
    p.user("Task_sign_report", "调查报告会签", assignee="${member.userId}", form="decision",
           collection="${investigators}", element="member")
    p.service("Task_notify_result", "通报调查结论", "notify.send")
    p.end("End_closed", "结案")
    p.chain("Start_report", "Task_stop", "Task_verify", "Gateway_level")
    p.flow("Gateway_level", "Task_investigate_province", cond="${accidentLevel === 'extraordinary' || accidentLevel === 'serious'}",
           name="特别重大/重大")
    p.flow("Gateway_level", "Task_investigate_city", name="较大/一般", default=True)
    p.flow("Task_investigate_province", "Gateway_join")
    p.flow("Task_investigate_city", "Gateway_join")
    p.chain("Gateway_join", "Task_sign_report", "Task_notify_result", "End_closed")
    return p


def u34(u):
    p = new(u, "物联告警处置（困人救援）：物联网告警 → 通知维保单位和使用单位 → 维保单位限时到场救援（城区30分钟、其他地区1小时；"
               "超时通知街道救援站和监管部门，再升级119）→ 确认救援 → 设备恢复正常 → 记录 → 故障转隐患。")
    p.start("Start_alarm", "物联告警转入", initiator=False)
    due = limit_of(u, "Task_rescue")
    # The escalation timer follows the device's place (arrivalLimit from the alarm: PT30M in city
    # districts, PT1H elsewhere); the task's SLA stays the catalog's limit.
    arrival = "${typeof arrivalLimit === 'undefined' || arrivalLimit === null ? '" + due + "' : arrivalLimit}"
    p.service("Task_notify_maintenance", "通知维保单位和使用单位", "notify.send")
    p.user("Task_rescue", "到场救援", group="maintenance", form=form_key(u), due=due)
    p.boundary_timer("Task_rescue_remind", "Task_rescue", "催办", cycle=reminder_cycle(due), interrupting=False)
    p.service("Task_rescue_remind_notify", "发送催办提醒", "notify.send")
    p.end("Task_rescue_reminded", "已催办")
    p.chain("Task_rescue_remind", "Task_rescue_remind_notify", "Task_rescue_reminded")
    p.boundary_timer("Task_rescue_deadline", "Task_rescue", "超时未到场", duration=arrival, escalates=True)
    p.service("Task_notify_escalation", "通知街道救援站和监管部门", "notify.send")
    p.user("Task_rescue_station", "街道救援站救援", group="regulator.street", form=form_key(u), due="PT30M")
    p.boundary_timer("Task_rescue_station_deadline", "Task_rescue_station", "仍未到场", duration="PT30M", escalates=True)
    p.service("Task_call_119", "通知119消防救援", "notify.send")
    p.user("Task_rescue_119", "登记119救援结果", group="regulator.street", form=form_key(u))
    p.xgw("Gateway_rescued")
    p.xgw("Gateway_from_device", "物联告警")
    # The case closes when the rescuer has confirmed AND the device reports normal; a normal report
    # that came first waits in the engine's inbox for this subscription.
    p.catch_message("Catch_device_normal", "设备恢复正常", "iot.alarm.cleared", "${alarmId}")
    p.service("Task_record", "记录救援与故障", "registry.recordMaintenance")
    p.xgw("Gateway_fault", "是否存在隐患")
    p.service("Task_open_hazard", "登记隐患", "hazard.open")
    p.service("Task_notify_result", "通知处置结果", "notify.send")
    p.end("End_handled", "处置完毕")
    p.chain("Start_alarm", "Task_notify_maintenance", "Task_rescue", "Gateway_rescued")
    p.chain("Task_rescue_deadline", "Task_notify_escalation", "Task_rescue_station")
    p.flow("Task_rescue_station", "Gateway_rescued")
    p.flow("Task_rescue_station_deadline", "Task_call_119")
    p.chain("Task_call_119", "Task_rescue_119", "Gateway_rescued")
    p.flow("Gateway_rescued", "Gateway_from_device")
    p.flow("Gateway_from_device", "Catch_device_normal", cond="${typeof alarmId !== 'undefined' && alarmId !== null}", name="设备告警")
    p.flow("Gateway_from_device", "Task_record", name="人工转入", default=True)
    p.flow("Catch_device_normal", "Task_record")
    p.flow("Task_record", "Gateway_fault")
    p.flow("Gateway_fault", "Task_open_hazard", cond="${hazardFound === true}", name="有隐患")
    p.flow("Gateway_fault", "Task_notify_result", name="无", default=True)
    p.chain("Task_open_hazard", "Task_notify_result", "End_handled")
    return p


BUILDERS = {f"{i:02d}": globals()[f"u{i:02d}"] for i in range(1, 35)}

# ---------------------------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------------------------
# The parties (inspection body, user and maintenance units) go down with the case: without them a
# called unit's inspector or user-unit task would lie outside every organisation's scope.
COMMON_IN = [("${regionCode}", "regionCode"), ("${typeof organisationId === 'undefined' ? null : organisationId}", "organisationId"), ("${initiator}", "initiator"),
             ("${typeof partyOrganisationIds === 'undefined' ? null : partyOrganisationIds}", "partyOrganisationIds")]
DEVICE_IN = COMMON_IN + [("${equipmentCode}", "equipmentCode")]


def acting_for(ins, variable):
    """The ins with organisationId taken from `variable` when the step has it: a called unit acts for
    another organisation than the step's (the inspection body reports, the user unit registers)."""
    return [(f"${{typeof {variable} === 'undefined' || {variable} === null ? organisationId : {variable}}}", t) if t == "organisationId" else (src, t)
            for src, t in ins]


def unit_pid(code):
    return pid(UNITS[code])


def form_fields(code):
    """The top-level data keys of a unit's form (flat groups opened, nesting groups and lists by path)."""
    from forms import UNIT_FORMS  # noqa: PLC0415

    def keys(components):
        for c in components:
            if c["type"] == "group" and "path" not in c:
                yield from keys(c["components"])
            elif c.get("path") or c.get("key"):
                yield c.get("path") or c["key"]
    return list(keys(UNIT_FORMS[code]))


def with_form(ins, code):
    """ah:in mappings plus the unit's form fields, so the called unit sees the application the step
    collected (an optional field the applicant left out arrives as null)."""
    have = {target for _, target in ins}
    extra = [(f"${{typeof {k} === 'undefined' ? null : {k}}}", k) for k in form_fields(code) if k not in have]
    return list(ins) + extra


def step(n):
    s = next(s for s in CATALOG["steps"] if s["number"] == n)
    return Process(s["process"], f"环节{n} {s['zh']}", "")


def s1():
    p = step(1)
    p.comment = "厂厂受控（每个生产单位的许可生命周期）：取证(01) → 届满前6个月提醒 → 换证(02) → 循环；产品出厂赋码(05)按批次另行发起。"
    p.start("Start", "生产单位申请许可", form=form_key(UNITS["01"]))
    p.call("Call_01", "01 生产许可申请", unit_pid("01"), ins=with_form(COMMON_IN, "01"), outs=[("${decision}", "decision")])
    p.xgw("Gateway_granted", "是否取得许可")
    p.catch_timer("Timer_renewal", "届满前6个月", date="${renewalReminderAt}")
    p.service("Task_remind", "提醒申请换证", "notify.send")
    p.call("Call_02", "02 许可证延续", unit_pid("02"), ins=with_form(COMMON_IN, "02"), outs=[("${decision}", "decision")])
    p.end("End_not_granted", "未取得许可")
    p.end("End_lapsed", "许可失效")
    p.chain("Start", "Call_01", "Gateway_granted")
    p.flow("Gateway_granted", "Timer_renewal", cond=APPROVE, name="取得许可")
    p.flow("Gateway_granted", "End_not_granted", default=True)
    p.chain("Timer_renewal", "Task_remind", "Call_02")
    p.xgw("Gateway_renewed", "是否换证")
    p.flow("Call_02", "Gateway_renewed")
    p.flow("Gateway_renewed", "Timer_renewal", cond=APPROVE, name="已换证")
    p.flow("Gateway_renewed", "End_lapsed", default=True)
    return p


def s2():
    p = step(2)
    p.comment = "台台检验（每台设备）：有效期届满前1个月提醒 → 使用单位申报(06) → 派发与报告(07) → 不合格整改复检(08) → 排定下次检验 → 循环。"
    p.start("Start", "设备纳入检验计划", form=None)
    p.catch_timer("Timer_due", "届满前1个月", date="${reminderAt}")
    p.service("Task_remind", "提醒申报定期检验", "notify.send")
    p.user("Task_apply", "提交定期检验申报", assignee="${initiator}", form=form_key(UNITS["06"]), due="P1M")
    p.boundary_timer("Task_apply_overdue", "Task_apply", "超期未检", duration="P1M", interrupting=False, escalates=True)
    p.service("Task_mark_overdue", "标记超期未检并通报监管", "registry.changeStatus")
    p.end("End_overdue_marked", "已通报")
    p.chain("Task_apply_overdue", "Task_mark_overdue", "End_overdue_marked")
    p.call("Call_06", "06 定期检验申报", unit_pid("06"), ins=with_form(DEVICE_IN, "06"), outs=[("${decision}", "decision")])
    p.xgw("Gateway_accepted", "是否受理")
    p.call("Call_07", "07 检验任务派发与报告", unit_pid("07"), ins=acting_for(with_form(DEVICE_IN, "07"), "inspectionOrganisationId"),
           outs=[("${result}", "result"), ("${typeof nextReminderAt === 'undefined' ? null : nextReminderAt}", "nextReminderAt")])
    p.xgw("Gateway_result", "检验结论")
    p.call("Call_08", "08 整改与复检", unit_pid("08"), ins=with_form(DEVICE_IN, "08"),
           outs=[("${typeof nextReminderAt === 'undefined' ? null : nextReminderAt}", "nextReminderAt")])
    p.script("Task_next", "下次检验提醒时间", "execution.setVariable('reminderAt', nextReminderAt === null ? reminderAt : nextReminderAt);")
    p.xgw("Gateway_in_service", "设备是否在用")
    p.end("End_retired", "设备退出使用")
    p.chain("Start", "Timer_due", "Task_remind", "Task_apply", "Call_06", "Gateway_accepted")
    p.flow("Gateway_accepted", "Call_07", cond=APPROVE, name="已受理")
    p.flow("Gateway_accepted", "Task_apply", name="未受理，重新申报", default=True)
    p.flow("Call_07", "Gateway_result")
    p.flow("Gateway_result", "Task_next", cond="${result === 'pass'}", name="合格")
    p.flow("Gateway_result", "Call_08", name="不合格", default=True)
    p.flow("Call_08", "Task_next")
    p.flow("Task_next", "Gateway_in_service")
    p.flow("Gateway_in_service", "Timer_due", cond="${typeof inService === 'undefined' || inService === true}", name="在用")
    p.flow("Gateway_in_service", "End_retired", default=True)
    return p


def s3():
    p = step(3)
    p.comment = "件件赋码（每台设备的登记生命周期）：使用登记(11) → 等待变更(12)、停用(13)/启用(14)、补证(16)、报废注销(15)。按单位登记(17)由使用单位另行发起。"
    p.start("Start", "申请使用登记", form=form_key(UNITS["11"]))
    p.call("Call_11", "11 使用登记", unit_pid("11"), ins=with_form(DEVICE_IN, "11"), outs=[("${decision}", "decision")])
    p.xgw("Gateway_registered", "是否登记")
    p.end("End_not_registered", "未登记")
    p.egw("Gateway_wait", "等待登记事项")
    p.catch_message("Msg_change", "申请变更", "device.change", "${equipmentCode}")
    p.catch_message("Msg_reissue", "申请补证", "device.reissue", "${equipmentCode}")
    p.catch_message("Msg_stop", "申请停用", "device.stop", "${equipmentCode}")
    p.catch_message("Msg_scrap", "申请报废", "device.scrap", "${equipmentCode}")
    p.call("Call_12", "12 变更登记", unit_pid("12"), ins=with_form(DEVICE_IN, "12"))
    p.call("Call_16", "16 补证", unit_pid("16"), ins=with_form(DEVICE_IN, "16"))
    p.call("Call_13", "13 停用", unit_pid("13"), ins=with_form(DEVICE_IN, "13"))
    p.catch_message("Msg_restart", "申请启用", "device.restart", "${equipmentCode}")
    p.call("Call_14", "14 启用", unit_pid("14"), ins=with_form(DEVICE_IN, "14"))
    p.call("Call_15", "15 报废注销", unit_pid("15"), ins=with_form(DEVICE_IN, "15"), outs=[("${decision}", "decision")])
    p.xgw("Gateway_scrapped", "是否注销")
    p.end("End_scrapped", "已注销")
    p.chain("Start", "Call_11", "Gateway_registered")
    p.flow("Gateway_registered", "Gateway_wait", cond=APPROVE, name="已登记")
    p.flow("Gateway_registered", "End_not_registered", default=True)
    for m in ("Msg_change", "Msg_reissue", "Msg_stop", "Msg_scrap"):
        p.flow("Gateway_wait", m)
    p.flow("Msg_change", "Call_12")
    p.flow("Msg_reissue", "Call_16")
    p.chain("Msg_stop", "Call_13", "Msg_restart", "Call_14")
    p.flow("Call_12", "Gateway_wait")
    p.flow("Call_16", "Gateway_wait")
    p.flow("Call_14", "Gateway_wait")
    p.chain("Msg_scrap", "Call_15", "Gateway_scrapped")
    p.flow("Gateway_scrapped", "End_scrapped", cond=APPROVE, name="已注销")
    p.flow("Gateway_scrapped", "Gateway_wait", default=True, name="不予注销")
    return p


def s4():
    p = step(4)
    p.comment = "次次告知 + 项项验收 + 件件赋码：新设备投用。安装告知(18) → 监督检验申请(22) → 监督检验与验收(23) → 使用登记(11)。"
    p.start("Start", "施工单位安装告知", form=form_key(UNITS["18"]))
    p.call("Call_18", "18 安装告知", unit_pid("18"), ins=with_form(DEVICE_IN, "18"))
    p.user("Task_apply_inspection", "申请监督检验", assignee="${initiator}", form=form_key(UNITS["22"]))
    p.call("Call_22", "22 监督检验申请", unit_pid("22"), ins=with_form(DEVICE_IN, "22"), outs=[("${decision}", "decision")])
    p.xgw("Gateway_accepted", "是否受理")
    p.call("Call_23", "23 监督检验与验收", unit_pid("23"), ins=with_form(DEVICE_IN, "23"))
    p.user("Task_apply_registration", "使用单位申请使用登记", group="enterprise", form=form_key(UNITS["11"]), due="P30D")
    p.call("Call_11", "11 使用登记", unit_pid("11"), ins=acting_for(with_form(DEVICE_IN, "11"), "userOrganisationId"))
    p.end("End_in_service", "设备投入使用")
    p.chain("Start", "Call_18", "Task_apply_inspection", "Call_22", "Gateway_accepted")
    p.flow("Gateway_accepted", "Call_23", cond=APPROVE, name="已受理")
    p.flow("Gateway_accepted", "Task_apply_inspection", name="重新申请", default=True)
    p.chain("Call_23", "Task_apply_registration", "Call_11", "End_in_service")
    return p


def s5():
    p = step(5)
    p.comment = "项项验收（改造、重大修理、移装）：告知(19/20/21) → 监督检验申请(22) → 监督检验与验收(23) → 变更登记(12)。"
    p.start("Start", "施工告知", form=None)
    p.xgw("Gateway_kind", "施工类别")
    p.call("Call_19", "19 改造告知", unit_pid("19"), ins=with_form(DEVICE_IN, "19"))
    p.call("Call_20", "20 重大修理告知", unit_pid("20"), ins=with_form(DEVICE_IN, "20"))
    p.call("Call_21", "21 移装告知", unit_pid("21"), ins=with_form(DEVICE_IN, "21"))
    p.xgw("Gateway_joined")
    p.call("Call_22", "22 监督检验申请", unit_pid("22"), ins=with_form(DEVICE_IN, "22"))
    p.call("Call_23", "23 监督检验与验收", unit_pid("23"), ins=with_form(DEVICE_IN, "23"))
    p.xgw("Gateway_change", "是否须变更登记")
    p.call("Call_12", "12 变更登记", unit_pid("12"), ins=with_form(DEVICE_IN, "12"))
    p.end("End_accepted", "验收完成")
    p.chain("Start", "Gateway_kind")
    p.flow("Gateway_kind", "Call_19", cond="${workKind === 'renovation'}", name="改造")
    p.flow("Gateway_kind", "Call_21", cond="${workKind === 'relocation'}", name="移装")
    p.flow("Gateway_kind", "Call_20", name="重大修理", default=True)
    for c in ("Call_19", "Call_20", "Call_21"):
        p.flow(c, "Gateway_joined")
    p.chain("Gateway_joined", "Call_22", "Call_23", "Gateway_change")
    p.flow("Gateway_change", "Call_12", cond="${workKind === 'renovation' || workKind === 'relocation'}", name="改造/移装")
    p.flow("Gateway_change", "End_accepted", default=True, name="重大修理")
    p.flow("Call_12", "End_accepted")
    return p


def s6():
    p = step(6)
    p.comment = "处处规范（每台电梯）：维保合同备案(24) → 每15日一次维保记录(25)，直至合同终止。作业人员取证(26)、复审(27)和安全管理人员配备(28)按需发起。"
    p.start("Start", "维保合同备案", form=form_key(UNITS["24"]))
    p.call("Call_24", "24 维保合同备案", unit_pid("24"), ins=with_form(DEVICE_IN, "24"))
    p.call("Call_25", "25 维保记录", unit_pid("25"), ins=with_form(DEVICE_IN, "25"))
    p.catch_timer("Timer_next", "15日后", duration="P15D")
    p.xgw("Gateway_contract", "合同是否有效")
    p.end("End_contract_ended", "合同终止")
    p.chain("Start", "Call_24", "Call_25", "Gateway_contract")
    p.flow("Gateway_contract", "Timer_next", cond="${typeof contractEnded === 'undefined' || contractEnded !== true}", name="有效")
    p.flow("Gateway_contract", "End_contract_ended", default=True)
    p.flow("Timer_next", "Call_25")
    return p


def s7():
    p = step(7)
    p.comment = "时时扫码（每个使用单位）：每个工作日日管控自查(29)，周一为周排查，每月1日为月调度。公众投诉(30)由扫码发起。"
    p.start("Start", "纳入日管控", form=None)
    p.script("Task_kind", "确定自查类型",
             "var d = new Date(); execution.setVariable('checkKind', d.getDate() === 1 ? 'monthly' : (d.getDay() === 1 ? 'weekly' : 'daily'));")
    p.call("Call_29", "29 隐患自查上报", unit_pid("29"), ins=with_form(COMMON_IN + [("${checkKind}", "checkKind")], "29"))
    p.catch_timer("Timer_next", "下一个工作日", duration="P1WD")
    p.xgw("Gateway_active", "单位是否在册")
    p.end("End", "退出")
    p.chain("Start", "Task_kind", "Call_29", "Gateway_active")
    p.flow("Gateway_active", "Timer_next", cond="${typeof deregistered === 'undefined' || deregistered !== true}", name="在册")
    p.flow("Gateway_active", "End", default=True)
    p.flow("Timer_next", "Task_kind")
    return p


def s8():
    p = step(8)
    p.comment = "事事倒查：双随机检查(32) → 对发现的每处隐患并行整改闭环(31，多实例)。事故报告与调查(33)由事故单位发起。"
    p.start("Start", "制定抽查计划", form=form_key(UNITS["32"]))
    p.call("Call_32", "32 双随机监督检查", unit_pid("32"), ins=with_form(COMMON_IN + [("${targets}", "targets")], "32"),
           outs=[("${typeof hazards === 'undefined' ? [] : hazards}", "hazards")])
    p.call("Call_31", "31 隐患整改闭环", unit_pid("31"),
           ins=[("${regionCode}", "regionCode"), ("${initiator}", "initiator"),
                ("${hazard.organisationId}", "organisationId"), ("${hazard}", "hazard"),
                            ("${hazard.stopUse === true}", "stopUse")],
           collection="${hazards}", element="hazard")
    p.end("End", "全部闭环")
    p.chain("Start", "Call_32", "Call_31", "End")
    return p


# What an IoT alarm carries into its case (src/Supervision/Alarms/AlarmCases.cs, docs/mqtt.md).
ALARM_VARIABLES = ["alarmId", "alarmType", "alarmName", "alarmSeverity", "faultCode", "alarmRaisedAt", "deviceId",
                   "maintenanceOrganisationId", "rescueCode", "arrivalLimit"]


def s9():
    p = step(9)
    p.comment = "应急处置：物联告警(34) → 构成事故的转事故报告与调查(33)，存在隐患的转隐患整改闭环(31)。"
    p.start("Start", "物联告警", message="iot.alarm", initiator=False)
    p.call("Call_34", "34 物联告警处置", unit_pid("34"), ins=with_form(DEVICE_IN, "34")[:2] + [COMMON_IN[3], ("${equipmentCode}", "equipmentCode")]
           + [(f"${{typeof {k} === 'undefined' ? null : {k}}}", k) for k in ALARM_VARIABLES],
           outs=[("${typeof accident === 'undefined' ? false : accident}", "accident"),
                 ("${typeof hazardFound === 'undefined' ? false : hazardFound}", "hazardFound")])
    p.xgw("Gateway_kind", "处置结论")
    p.call("Call_33", "33 事故报告与调查", unit_pid("33"), ins=with_form(DEVICE_IN, "33")[:2] + [COMMON_IN[3], ("${equipmentCode}", "equipmentCode")])
    p.call("Call_31", "31 隐患整改闭环", unit_pid("31"), ins=with_form(DEVICE_IN, "31")[:2] + [COMMON_IN[3], ("${equipmentCode}", "equipmentCode")])
    p.end("End", "处置完毕")
    p.chain("Start", "Call_34", "Gateway_kind")
    p.flow("Gateway_kind", "Call_33", cond="${accident === true}", name="构成事故")
    p.flow("Gateway_kind", "Call_31", cond="${accident !== true && hazardFound === true}", name="存在隐患")
    p.flow("Gateway_kind", "End", default=True, name="已排除")
    p.flow("Call_33", "End")
    p.flow("Call_31", "End")
    return p


STEPS = {1: s1, 2: s2, 3: s3, 4: s4, 5: s5, 6: s6, 7: s7, 8: s8, 9: s9}


def main():
    from forms import write_forms  # noqa: PLC0415
    out = os.path.join(DEFS, "bpmn")
    os.makedirs(out, exist_ok=True)
    for code, build in BUILDERS.items():
        u = UNITS[code]
        p = build(u)
        path = os.path.join(DEFS, u["bpmn"])
        assert u["bpmn"] == f"bpmn/unit-{code}-{u['slug']}.bpmn", u["bpmn"]
        open(path, "w", encoding="utf-8").write(p.to_xml())
    for n, build in STEPS.items():
        s = next(s for s in CATALOG["steps"] if s["number"] == n)
        open(os.path.join(DEFS, s["bpmn"]), "w", encoding="utf-8").write(build().to_xml())
    write_forms(CATALOG, os.path.join(DEFS, "forms"))
    print(f"wrote {len(BUILDERS)} unit and {len(STEPS)} step definitions")


if __name__ == "__main__":
    main()
